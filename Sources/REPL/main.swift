#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(Launcher.main(arguments: Array(CommandLine.arguments.dropFirst())))

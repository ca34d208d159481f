/// `A<separator>B` with two whole numbers, as `--seeds 1..200` and `--shard 2/4` are written; nil
/// for anything else (an empty side, a third part, a word that is not a number).
func numberPair(_ argument: String, separator: String) -> (UInt64, UInt64)? {
    guard let cut = argument.firstRange(of: separator),
          let first = UInt64(argument[..<cut.lowerBound]), let second = UInt64(argument[cut.upperBound...]) else { return nil }
    return (first, second)
}

// SKELETON: the command line (swift-argument-parser) replaces this.
print("kvrepl")

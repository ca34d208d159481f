import Testing
@testable import Cluster

@Suite struct SettingsTests {
    @Test func defaultsAreValid() {
        #expect(Settings().firstInvalid() == nil)
    }

    @Test func readAboveReplicasIsInvalid() {
        var s = Settings()
        s.read = 4
        #expect(s.firstInvalid()?.key == .read)
        s.replicas = 5
        #expect(s.firstInvalid() == nil)
    }
}

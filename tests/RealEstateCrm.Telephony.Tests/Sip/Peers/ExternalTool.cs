namespace RealEstateCrm.Telephony.Tests.Sip.Peers;

/// <summary>Finds a real peer program on PATH. Missing, it skips the test with the reason on a laptop and fails
/// it under CI=true, where scripts/test.sh installs sipp and kamailio.</summary>
internal static class ExternalTool
{
    public static string Require(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        if (found is not null) return found;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"CI=true but '{name}' is not installed: the SIP interoperability tests must run in CI");
        Assert.Skip($"'{name}' is not installed (Debian: {(name == "sipp" ? "sip-tester" : name)}); scripts/test.sh installs it");
        return null!;
    }
}

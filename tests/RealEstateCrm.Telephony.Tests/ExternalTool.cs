namespace RealEstateCrm.Telephony.Tests;

/// <summary>A test that needs a program or file from outside (sipp, kamailio, sipp's pcaps) skips with the reason on
/// a laptop, and fails under CI=true, where scripts/test.sh installs it.</summary>
public static class ExternalTool
{
    public static void Missing(string what)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"CI=true but {what} is missing");
        Assert.Skip($"{what} is not installed; scripts/test.sh installs it");
    }

    public static string Require(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(folder, program);
            if (File.Exists(path)) return path;
        }
        Missing($"the program {program} (Debian: {(program == "sipp" ? "sip-tester" : program)})");
        return null!;
    }
}

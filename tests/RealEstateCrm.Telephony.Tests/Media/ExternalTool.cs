namespace RealEstateCrm.Telephony.Tests.Media;

/// <summary>A test that needs a program or file from outside (sipp and its pcaps) skips with the reason on a
/// laptop, and fails under CI=true, where scripts/test.sh installs it.</summary>
public static class ExternalTool
{
    public static void Missing(string what)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"CI=true but {what} is missing");
        Assert.Skip($"{what} is not installed");
    }

    public static string Require(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var path = Path.Combine(folder, program);
            if (File.Exists(path)) return path;
        }
        Missing($"the program {program}");
        return null!;
    }
}

using System.Diagnostics;

namespace RealEstateCrm.Bench;

/// <summary>A peer program run for a benchmark (sipp UAS, Kamailio): output discarded, killed with its children
/// when disposed.</summary>
internal sealed class BenchProcess : IDisposable
{
    private readonly Process _process;

    private BenchProcess(Process process) => _process = process;

    public static BenchProcess Start(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BenchProcess(process);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}

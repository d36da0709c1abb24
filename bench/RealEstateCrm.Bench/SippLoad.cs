using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace RealEstateCrm.Bench;

/// <summary>One sipp load run (Sip/uac_load.xml at a fixed call rate) and what its statistics files say.</summary>
/// <summary><see cref="FirstError"/> is the start of sipp's first error entry, to say why calls failed.</summary>
internal sealed record SippLoadResult(int Successful, int Failed, int InviteRetransmissions, double CallsPerSecond, double P50Ms, double P99Ms, int Samples, string? FirstError);

internal static class SippLoad
{
    public static async Task<SippLoadResult> RunAsync(IPEndPoint target, int rate, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("sip-bench-").FullName;
        try
        {
            var info = new ProcessStartInfo("sipp") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            foreach (var argument in new[]
                     {
                         "-sf", Path.Combine(AppContext.BaseDirectory, "Sip", "uac_load.xml"), "-s", "8001",
                         "-i", "127.0.0.1", "-p", "0", "-mp", "0",
                         "-r", rate.ToString(CultureInfo.InvariantCulture), "-m", (rate * seconds).ToString(CultureInfo.InvariantCulture),
                         "-l", (rate * 5).ToString(CultureInfo.InvariantCulture), "-recv_timeout", "10000", "-nostdin",
                         "-timeout", $"{seconds + 60}s", "-trace_stat", "-stf", "stat.csv", "-fd", "1", "-trace_rtt", "-rtt_freq", "1", "-trace_counts", "-trace_err", "-error_file", "errors.log",
                         target.ToString(),
                     })
                info.ArgumentList.Add(argument);
            using var sipp = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
            // sipp redraws its screen on stdout; it must be drained or sipp blocks.
            var drain = Task.WhenAll(sipp.StandardOutput.ReadToEndAsync(), sipp.StandardError.ReadToEndAsync());
            try
            {
                await sipp.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(seconds + 90));
            }
            finally
            {
                if (!sipp.HasExited) sipp.Kill(entireProcessTree: true);
            }
            var output = await drain;
            if (!File.Exists(Path.Combine(folder, "stat.csv")))
                throw new InvalidOperationException($"sipp wrote no statistics (exit code {sipp.ExitCode}):\n{output[1]}\n{output[0][^Math.Min(2000, output[0].Length)..]}");
            return Read(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SippLoadResult Read(string folder)
    {
        var stats = LastRow(Path.Combine(folder, "stat.csv"));
        var counts = LastRow(Directory.GetFiles(folder, "*_counts.csv").Single());
        // Date_ms;response_time_ms;rtd_no: one line per INVITE→180 measured.
        var samples = Directory.GetFiles(folder, "*_rtt.csv").SelectMany(File.ReadLines)
            .Skip(1)
            .Select(line => line.Split(';'))
            .Where(f => f.Length >= 3 && f[2].Trim() == "1")
            .Select(f => (At: double.Parse(f[0], CultureInfo.InvariantCulture), Ms: double.Parse(f[1], CultureInfo.InvariantCulture)))
            .ToArray();
        var times = samples.Select(s => s.Ms).Order().ToArray();
        var successful = int.Parse(stats["SuccessfulCall(C)"], CultureInfo.InvariantCulture);
        // The rate is over the span in which calls were being placed, not counting the last calls' talk time.
        var window = samples.Length > 1 ? TimeSpan.FromMilliseconds(samples.Max(s => s.At) - samples.Min(s => s.At)) : TimeSpan.Zero;
        return new SippLoadResult(
            successful,
            int.Parse(stats["FailedCall(C)"], CultureInfo.InvariantCulture),
            counts.Where(c => c.Key.EndsWith("_INVITE_Retrans", StringComparison.Ordinal)).Sum(c => int.Parse(c.Value, CultureInfo.InvariantCulture)),
            window > TimeSpan.Zero ? successful / window.TotalSeconds : double.NaN,
            Percentile(times, 0.50),
            Percentile(times, 0.99),
            times.Length,
            FirstError(Path.Combine(folder, "errors.log")));
    }

    private static string? FirstError(string path)
    {
        if (!File.Exists(path)) return null;
        var text = string.Join(" | ", File.ReadLines(path).Where(l => l.Trim().Length > 0 && !l.StartsWith("The following events", StringComparison.Ordinal)).Take(12));
        return text.Length == 0 ? null : text[..Math.Min(text.Length, 1200)];
    }

    private static Dictionary<string, string> LastRow(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var names = lines[0].Split(';');
        var values = lines[^1].Split(';');
        return names.Zip(values).Where(p => p.First.Length > 0).ToDictionary(p => p.First, p => p.Second);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

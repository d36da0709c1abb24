using System.Diagnostics;
using RealEstateCrm.Etl.Batch;

namespace RealEstateCrm.Bench;

/// <summary>Times the stages of one ETL run from its progress reports: "prepare" (outbox read, clearing) until the
/// first report, then extract, transform and load, data-quality checks. Reports arrive on the ETL's own thread.</summary>
internal sealed class EtlStageClock : IProgress<EtlProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan Took)> _stages = [];
    private string _stage = "prepare";
    private TimeSpan _since;

    public void Report(EtlProgress value)
    {
        var stage = value.Step.StartsWith("extract", StringComparison.Ordinal) ? "extract" : value.Step;
        if (stage == _stage) return;
        Close();
        _stage = stage;
    }

    /// <summary>The stages and their times, the last one ending now.</summary>
    public string Summary()
    {
        Close();
        _stage = "";
        return string.Join(", ", _stages.Where(s => s.Stage.Length > 0).Select(s => $"{s.Stage} {s.Took.TotalSeconds:0.00} s"));
    }

    private void Close()
    {
        var now = _clock.Elapsed;
        _stages.Add((_stage, now - _since));
        _since = now;
    }
}

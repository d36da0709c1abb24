using RealEstateCrm.Telephony.Media;

namespace RealEstateCrm.Telephony.Tests.Media;

public sealed class ReceiveStatisticsTests
{
    private static void Feed(ReceiveStatistics stats, IEnumerable<int> sequences, Func<int, long>? arrival = null)
    {
        foreach (var s in sequences)
        {
            var seq = (ushort)s;
            stats.Record(seq, (uint)(s * 160), 7, arrival?.Invoke(s) ?? s * 160L);
        }
    }

    [Fact]
    public void Gaps_count_as_lost_across_the_sequence_wrap()
    {
        var stats = new ReceiveStatistics();
        Feed(stats, Enumerable.Range(65500, 100).Where(s => s % 10 != 3));
        var snapshot = stats.Snapshot();
        Assert.Equal(100, snapshot.Expected);
        Assert.Equal(10, snapshot.Lost);
        Assert.Equal(90, snapshot.Received);
        Assert.Equal((uint)(65500 + 99), stats.ExtendedHighestSequence);
    }

    [Fact]
    public void Late_packets_count_as_reordered_not_lost_and_duplicates_are_not_counted_twice()
    {
        var stats = new ReceiveStatistics();
        Feed(stats, [1, 2, 4, 3, 5, 5, 6, 2]);
        var snapshot = stats.Snapshot();
        Assert.Equal(6, snapshot.Expected);
        Assert.Equal(0, snapshot.Lost);
        Assert.Equal(1, snapshot.Reordered);
        Assert.Equal(2, snapshot.Duplicates);
    }

    [Fact]
    public void Steady_arrival_has_no_jitter_and_alternating_delay_converges_to_it()
    {
        var steady = new ReceiveStatistics();
        Feed(steady, Enumerable.Range(0, 500));
        Assert.Equal(0, steady.Jitter);

        var bumpy = new ReceiveStatistics();
        Feed(bumpy, Enumerable.Range(0, 500), s => s * 160L + (s % 2 == 0 ? 0 : 40));
        // |D| is 40 every packet, so J converges to 40 units (5 ms).
        Assert.InRange(bumpy.Jitter, 39.9, 40);
        Assert.InRange(bumpy.Snapshot().Jitter.TotalMilliseconds, 4.98, 5.0);
    }

    [Fact]
    public void Each_report_gives_the_fraction_lost_since_the_previous_one()
    {
        var stats = new ReceiveStatistics();
        Feed(stats, Enumerable.Range(0, 100));
        Assert.Equal(0, stats.NextReport(0, 0).FractionLost);
        Feed(stats, Enumerable.Range(100, 100).Where(s => s % 4 != 0));
        var report = stats.NextReport(0, 0);
        Assert.Equal(0.25, report.FractionLost, 2);
        Assert.Equal(25, report.CumulativeLost);
    }

    [Fact]
    public void A_new_ssrc_starts_the_counts_again()
    {
        var stats = new ReceiveStatistics();
        Feed(stats, [1, 5]);
        stats.Record(900, 0, 8, 0);
        Assert.Equal(1, stats.Snapshot().Expected);
        Assert.Equal(8u, stats.Ssrc);
    }
}

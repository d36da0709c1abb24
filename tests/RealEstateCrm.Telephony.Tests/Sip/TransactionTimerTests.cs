using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Sip.Transactions;

namespace RealEstateCrm.Telephony.Tests.Sip;

/// <summary>Timers A–K on a fake clock with the default T1 = 500 ms, T2 = 4 s, T4 = 5 s.</summary>
public sealed class TransactionTimerTests
{
    private static bool IsInvite(SipMessage m) => m is SipRequest { Method: "INVITE" };
    private static bool IsAck(SipMessage m) => m is SipRequest { Method: "ACK" };

    [Fact]
    public async Task Client_invite_retransmits_on_timer_a_doubling_and_times_out_on_timer_b()
    {
        var bench = new TransactionBench();
        var timedOut = new TaskCompletionSource();
        var invite = TransactionBench.Request("INVITE");
        var transaction = new ClientInviteTransaction(invite, TransactionBench.Udp, bench.Context, _ => { }, () => timedOut.SetResult());
        transaction.Start();
        bench.Run(TimeSpan.FromSeconds(40));

        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5], bench.SecondsWhen(IsInvite));
        await timedOut.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(bench.Ended);
        Assert.Equal(6, bench.Statistics.RetransmissionsSent);
    }

    [Fact]
    public void Client_invite_stops_retransmitting_on_a_provisional_and_timer_b_no_longer_applies()
    {
        var bench = new TransactionBench();
        var invite = TransactionBench.Request("INVITE");
        var timedOut = false;
        var transaction = new ClientInviteTransaction(invite, TransactionBench.Udp, bench.Context, _ => { }, () => timedOut = true);
        transaction.Start();
        bench.Run(TimeSpan.FromSeconds(1));
        transaction.OnResponse(TransactionBench.Response(invite, 180));
        bench.Run(TimeSpan.FromSeconds(60));

        Assert.Equal([0, 0.5], bench.SecondsWhen(IsInvite));
        Assert.Equal(SipTransactionState.Proceeding, transaction.State);
        Assert.False(timedOut);
    }

    [Fact]
    public void Client_invite_acknowledges_a_failure_itself_and_again_for_each_retransmission_until_timer_d()
    {
        var bench = new TransactionBench();
        var invite = TransactionBench.Request("INVITE");
        var delivered = new List<int>();
        var transaction = new ClientInviteTransaction(invite, TransactionBench.Udp, bench.Context, r => delivered.Add(r.StatusCode), () => { });
        transaction.Start();
        var busy = TransactionBench.Response(invite, 486);
        transaction.OnResponse(busy);
        bench.Run(TimeSpan.FromSeconds(2));
        transaction.OnResponse(busy);

        var acks = bench.Sent.Where(s => IsAck(s.Message)).Select(s => (SipRequest)s.Message).ToList();
        Assert.Equal(2, acks.Count);
        Assert.Equal(invite.TopVia.Branch, acks[0].TopVia.Branch);
        Assert.Equal("callee", acks[0].To.Tag);
        Assert.Equal([486], delivered);
        Assert.Equal(SipTransactionState.Completed, transaction.State);
        bench.Run(TimeSpan.FromSeconds(31));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Client_invite_ignores_a_ringing_reordered_behind_the_ok_but_passes_on_retransmitted_oks()
    {
        var bench = new TransactionBench();
        var invite = TransactionBench.Request("INVITE");
        var delivered = new List<int>();
        var transaction = new ClientInviteTransaction(invite, TransactionBench.Udp, bench.Context, r => delivered.Add(r.StatusCode), () => { });
        transaction.Start();
        transaction.OnResponse(TransactionBench.Response(invite, 200));
        transaction.OnResponse(TransactionBench.Response(invite, 180));
        transaction.OnResponse(TransactionBench.Response(invite, 200));

        Assert.Equal([200, 200], delivered);
        Assert.Equal(SipTransactionState.Accepted, transaction.State);
        Assert.DoesNotContain(bench.Sent, s => IsAck(s.Message));
        bench.Run(TimeSpan.FromSeconds(33));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Client_invite_over_tcp_never_retransmits_and_ends_at_once_after_a_failure()
    {
        var bench = new TransactionBench();
        var invite = TransactionBench.Request("INVITE");
        var transaction = new ClientInviteTransaction(invite, TransactionBench.Tcp, bench.Context, _ => { }, () => { });
        transaction.Start();
        bench.Run(TimeSpan.FromSeconds(10));
        transaction.OnResponse(TransactionBench.Response(invite, 603));

        Assert.Equal([0], bench.SecondsWhen(IsInvite));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public async Task Client_non_invite_retransmits_on_timer_e_capped_at_t2_and_times_out_on_timer_f()
    {
        var bench = new TransactionBench();
        var timedOut = new TaskCompletionSource();
        var bye = TransactionBench.Request("BYE");
        var transaction = new ClientNonInviteTransaction(bye, TransactionBench.Udp, bench.Context, _ => { }, () => timedOut.SetResult());
        transaction.Start();
        bench.Run(TimeSpan.FromSeconds(40));

        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], bench.SecondsWhen(_ => true));
        await timedOut.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Client_non_invite_retransmits_every_t2_after_a_provisional_and_absorbs_finals_until_timer_k()
    {
        var bench = new TransactionBench();
        var register = TransactionBench.Request("REGISTER");
        var finals = 0;
        var transaction = new ClientNonInviteTransaction(register, TransactionBench.Udp, bench.Context, r => finals += r.IsProvisional ? 0 : 1, () => { });
        transaction.Start();
        bench.Run(TimeSpan.FromSeconds(0.6));
        transaction.OnResponse(TransactionBench.Response(register, 100));
        bench.Run(TimeSpan.FromSeconds(9));
        transaction.OnResponse(TransactionBench.Response(register, 200));
        transaction.OnResponse(TransactionBench.Response(register, 200));

        // The timer already set for 1.5 s still fires; from then on it is reset to T2 (RFC 3261 §17.1.2.2).
        Assert.Equal([0, 0.5, 1.5, 5.5, 9.5], bench.SecondsWhen(_ => true));
        Assert.Equal(1, finals);
        bench.Run(TimeSpan.FromSeconds(5.1));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public async Task Server_invite_retransmits_a_failure_on_timer_g_until_timer_h_reports_no_ack()
    {
        var bench = new TransactionBench();
        var noAck = new TaskCompletionSource();
        var invite = TransactionBench.Request("INVITE");
        var transaction = new ServerInviteTransaction(invite, TransactionBench.Udp, bench.Context, () => noAck.SetResult());
        transaction.Start();
        transaction.Respond(TransactionBench.Response(invite, 486));
        bench.Run(TimeSpan.FromSeconds(40));

        Assert.Equal([0], bench.SecondsWhen(m => m is SipResponse { StatusCode: 100 }));
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], bench.SecondsWhen(m => m is SipResponse { StatusCode: 486 }));
        await noAck.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Server_invite_stops_on_the_ack_absorbs_retransmissions_and_ends_after_timer_i()
    {
        var bench = new TransactionBench();
        var invite = TransactionBench.Request("INVITE");
        var transaction = new ServerInviteTransaction(invite, TransactionBench.Udp, bench.Context, () => { });
        transaction.Start();
        transaction.OnRetransmittedInvite();
        transaction.Respond(TransactionBench.Response(invite, 480));
        bench.Run(TimeSpan.FromSeconds(1));
        transaction.OnAck();
        transaction.OnAck();
        transaction.OnRetransmittedInvite();
        bench.Run(TimeSpan.FromSeconds(4.5));
        Assert.Equal(SipTransactionState.Confirmed, transaction.State);
        bench.Run(TimeSpan.FromSeconds(1));

        Assert.Equal([0, 0], bench.SecondsWhen(m => m is SipResponse { StatusCode: 100 }));
        Assert.Equal([0, 0.5], bench.SecondsWhen(m => m is SipResponse { StatusCode: 480 }));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal(3, bench.Statistics.RetransmissionsAbsorbed);
    }

    [Fact]
    public void Server_invite_after_a_2xx_absorbs_invite_retransmissions_without_answering_until_timer_l()
    {
        var bench = new TransactionBench();
        var invite = TransactionBench.Request("INVITE");
        var transaction = new ServerInviteTransaction(invite, TransactionBench.Udp, bench.Context, () => { });
        transaction.Start();
        transaction.Respond(TransactionBench.Response(invite, 200));
        transaction.OnRetransmittedInvite();
        Assert.False(transaction.Respond(TransactionBench.Response(invite, 500)));

        Assert.Equal(2, bench.Sent.Count);
        Assert.Equal(SipTransactionState.Accepted, transaction.State);
        bench.Run(TimeSpan.FromSeconds(32.1));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Server_non_invite_replays_its_response_and_ends_after_timer_j()
    {
        var bench = new TransactionBench();
        var options = TransactionBench.Request("OPTIONS");
        var transaction = new ServerNonInviteTransaction(options, TransactionBench.Udp, bench.Context);
        transaction.OnRetransmittedRequest();
        transaction.Respond(TransactionBench.Response(options, 200));
        bench.Run(TimeSpan.FromSeconds(10));
        transaction.OnRetransmittedRequest();

        Assert.Equal([0, 10], bench.SecondsWhen(_ => true));
        bench.Run(TimeSpan.FromSeconds(22.1));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.True(bench.Ended);
    }

    [Fact]
    public void Server_non_invite_over_tcp_ends_as_soon_as_it_has_answered()
    {
        var bench = new TransactionBench();
        var options = TransactionBench.Request("OPTIONS");
        var transaction = new ServerNonInviteTransaction(options, TransactionBench.Tcp, bench.Context);
        transaction.Respond(TransactionBench.Response(options, 200));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }
}

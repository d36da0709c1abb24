using System.Threading.Channels;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>One caller's walk through an <see cref="IvrMenu"/>. Fed by keys, "prompt finished" and "recording
/// finished" events; emits <see cref="IvrAction"/>s on <see cref="Actions"/>. Menu timeouts run on the
/// <see cref="TimeProvider"/> and start when the menu's prompts have finished playing.</summary>
public sealed class IvrSession : IDisposable
{
    private readonly IvrMenu _menu;
    private readonly IWorkOrderStatusLookup _orders;
    private readonly IVoicemailSink _voicemail;
    private readonly TimeProvider _clock;
    private readonly Channel<IvrAction> _actions = Channel.CreateUnbounded<IvrAction>();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<char> _path = [];
    private IvrNode _node;
    private Waiting _waiting = Waiting.Nothing;
    private int _sequence;
    private int _retries;
    private ITimer? _timeout;
    private string? _voicemailFile;
    private DateTimeOffset _endedAt;

    private enum Waiting { Nothing, Prompt, Key, Recording }

    public IvrSession(IvrMenu menu, string callId, string caller, IWorkOrderStatusLookup orders, IVoicemailSink voicemail, TimeProvider clock)
    {
        _menu = menu;
        _orders = orders;
        _voicemail = voicemail;
        _clock = clock;
        _node = menu[menu.Start];
        CallId = callId;
        Caller = caller;
    }

    public string CallId { get; }
    public string Caller { get; }
    public ChannelReader<IvrAction> Actions => _actions.Reader;
    public IvrOutcome Outcome { get; private set; } = IvrOutcome.InProgress;

    /// <summary>The keys that chose a menu option, e.g. "1>2>0". Wrong keys and timeouts are not in it.</summary>
    public string Path => string.Join('>', _path);

    /// <summary>How many wrong keys and timeouts the caller had in all.</summary>
    public int Retries { get; private set; }

    public string CurrentNode => _node.Id;

    public Task StartAsync(CancellationToken ct = default) => Serially(() => EnterAsync(_node, ct));

    /// <summary>A key from the caller (RFC 4733 or SIP INFO). A key while a menu's prompts play interrupts them.</summary>
    public Task KeyAsync(char key, CancellationToken ct = default) => Serially(async () =>
    {
        if (_node is not IvrChoice choice || _waiting is not (Waiting.Key or Waiting.Prompt)) return;
        if (choice.Options.TryGetValue(key, out var next))
        {
            _path.Add(key);
            await EnterAsync(_menu[next], ct);
        }
        else await RetryAsync(choice, invalidKey: true, ct);
    });

    public Task PromptFinishedAsync(int sequence, CancellationToken ct = default) =>
        Serially(() => sequence == _sequence && _waiting == Waiting.Prompt ? AfterPromptsAsync(ct) : Task.CompletedTask);

    /// <summary>The voicemail the caller left. If the caller hung up while recording, call this first, then <see cref="CallerHungUp"/>.</summary>
    public Task RecordingFinishedAsync(string file, TimeSpan duration, CancellationToken ct = default) => Serially(async () =>
    {
        if (_node is not IvrVoicemail v || _waiting != Waiting.Recording) return;
        await _voicemail.SaveAsync(new VoicemailMessage(CallId, Caller, _clock.GetUtcNow(), file, duration, v.IsComplaint), ct);
        _voicemailFile = file;
        await EnterAsync(_menu[v.Next], ct);
    });

    public void CallerHungUp()
    {
        _gate.Wait();
        try
        {
            if (Outcome == IvrOutcome.InProgress) Finish(IvrOutcome.CallerHungUp, null);
        }
        finally { _gate.Release(); }
    }

    private async Task EnterAsync(IvrNode node, CancellationToken ct)
    {
        _node = node;
        _retries = 0;
        CancelTimeout();
        if (node is IvrWorkOrderStatus w)
        {
            var orders = await _orders.OpenOrdersAsync(Caller, ct);
            _waiting = Waiting.Prompt;
            Emit(orders.Count == 0 ? new PlayPrompts(++_sequence, [w.NonePrompt]) : new AnnounceWorkOrders(++_sequence, w.Prompts, orders));
            return;
        }
        if (node.Prompts.Count == 0)
        {
            // Only queue, hangup and voicemail nodes may go without prompts: act as if they had finished.
            _waiting = Waiting.Prompt;
            ++_sequence;
            await AfterPromptsAsync(ct);
            return;
        }
        Play(node.Prompts);
    }

    private async Task AfterPromptsAsync(CancellationToken ct)
    {
        switch (_node)
        {
            case IvrAnnouncement a: await EnterAsync(_menu[a.Next], ct); break;
            case IvrWorkOrderStatus w: await EnterAsync(_menu[w.Next], ct); break;
            case IvrChoice c: WaitForKey(c); break;
            case IvrVoicemail v:
                _waiting = Waiting.Recording;
                Emit(new RecordVoicemail(v.MaxDuration));
                break;
            case IvrQueue q: Finish(IvrOutcome.Queued, new TransferToQueue(q.Queue, Path)); break;
            case IvrHangup: Finish(IvrOutcome.HungUpByIvr, new HangUp(Path)); break;
        }
    }

    private async Task RetryAsync(IvrChoice choice, bool invalidKey, CancellationToken ct)
    {
        CancelTimeout();
        Retries++;
        if (++_retries > choice.MaxRetries)
        {
            await EnterAsync(_menu[choice.OnFailure], ct);
            return;
        }
        Play(invalidKey && choice.InvalidPrompt is { } invalid ? [invalid, .. choice.Prompts] : choice.Prompts);
    }

    private void Play(IReadOnlyList<string> prompts)
    {
        _waiting = Waiting.Prompt;
        Emit(new PlayPrompts(++_sequence, prompts));
    }

    private void WaitForKey(IvrChoice choice)
    {
        _waiting = Waiting.Key;
        var expected = _sequence;
        _timeout = _clock.CreateTimer(_ => _ = Serially(async () =>
        {
            if (expected == _sequence && _waiting == Waiting.Key && _node == choice) await RetryAsync(choice, invalidKey: false, CancellationToken.None);
        }), null, choice.Timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The CDR of a call that ended in the IVR (self-service, a voicemail, or the caller hanging up). A call the
    /// IVR handed to a queue gets its CDR from the <see cref="CallDistributor"/> instead.</summary>
    /// <param name="callee">The number the caller dialled.</param>
    /// <param name="startedAt">When the call arrived.</param>
    public CallDetail IvrOnlyDetail(string callee, DateTimeOffset startedAt)
    {
        if (Outcome is IvrOutcome.InProgress or IvrOutcome.Queued)
            throw new InvalidOperationException($"call {CallId} is {Outcome}: only a call that ended in the IVR has an IVR-only record");
        return new CallDetail(CallId, null, CallLegDirection.Inbound, Caller, callee, _voicemailFile is null ? CallDisposition.IvrOnly : CallDisposition.Voicemail,
            startedAt, _endedAt, IvrPath: Path, RecordingFile: _voicemailFile);
    }

    private void Finish(IvrOutcome outcome, IvrAction? last)
    {
        _endedAt = _clock.GetUtcNow();
        CancelTimeout();
        _waiting = Waiting.Nothing;
        Outcome = outcome;
        if (last is not null) Emit(last);
        _actions.Writer.TryComplete();
    }

    private void Emit(IvrAction action) => _actions.Writer.TryWrite(action);

    private void CancelTimeout()
    {
        _timeout?.Dispose();
        _timeout = null;
    }

    private async Task Serially(Func<Task> step)
    {
        await _gate.WaitAsync();
        try
        {
            if (Outcome == IvrOutcome.InProgress) await step();
        }
        finally { _gate.Release(); }
    }

    public void Dispose()
    {
        CancelTimeout();
        _gate.Dispose();
    }
}

public enum IvrOutcome { InProgress, Queued, HungUpByIvr, CallerHungUp }

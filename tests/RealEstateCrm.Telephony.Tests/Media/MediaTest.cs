namespace RealEstateCrm.Telephony.Tests.Media;

/// <summary>What the media tests over UDP share: a <see cref="MediaTestBed"/>, a temp folder for WAV files made on
/// first use, both removed after the test, and the test's cancellation token.</summary>
public abstract class MediaTest : IAsyncDisposable
{
    private string? _folder;

    protected MediaTestBed Bed { get; } = new();

    protected string Folder => _folder ??= Directory.CreateTempSubdirectory("crm-media-").FullName;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await Bed.DisposeAsync();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

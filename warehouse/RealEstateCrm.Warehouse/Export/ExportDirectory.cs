namespace RealEstateCrm.Warehouse.Export;

/// <summary>The target directory of an export. Everything is written into a hidden sibling staging folder and moved
/// into place at the end, so a failed export leaves the target as it was and a reader never sees half an export.</summary>
internal sealed class ExportDirectory
{
    private ExportDirectory(string target, string staging)
    {
        Target = target;
        Staging = staging;
    }

    public string Target { get; }
    public string Staging { get; }

    /// <summary>Refuses a file, or a non-empty directory unless <paramref name="overwrite"/>; creates the staging folder.</summary>
    public static ExportDirectory Prepare(string directory, bool overwrite)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("give a directory to export to", nameof(directory));
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (File.Exists(target)) throw new ArgumentException($"{target} is a file, not a directory", nameof(directory));
        if (!overwrite && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new ArgumentException($"{target} is not empty; overwrite replaces it", nameof(directory));
        var parent = Path.GetDirectoryName(target) ?? throw new ArgumentException($"cannot export to the root {target}", nameof(directory));
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new ExportDirectory(target, staging);
    }

    /// <summary>Moves the staging folder into place. An existing target is first moved aside and put back if the
    /// final move fails, then deleted: two renames in the same parent, the nearest to atomic a directory allows.</summary>
    public void Commit()
    {
        if (!Directory.Exists(Target))
        {
            Directory.Move(Staging, Target);
            return;
        }
        var replaced = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.replaced-{Guid.NewGuid():N}");
        Directory.Move(Target, replaced);
        try
        {
            Directory.Move(Staging, Target);
        }
        catch
        {
            Directory.Move(replaced, Target);
            throw;
        }
        Directory.Delete(replaced, recursive: true);
    }

    public void Abandon()
    {
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}

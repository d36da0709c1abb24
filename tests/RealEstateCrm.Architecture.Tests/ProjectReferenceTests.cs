using System.Xml.Linq;

namespace RealEstateCrm.Architecture.Tests;

/// <summary>Keeps the reference rules of ARCHITECTURE.md: reads every project file in the repository,
/// so a project added later is checked too.</summary>
public sealed class ProjectReferenceTests
{
    // Who may reference whom. A project not listed here may reference nothing of ours until it is added.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["RealEstateCrm.Operational"] = [],
        ["RealEstateCrm.Telephony"] = [],
        ["RealEstateCrm.Warehouse"] = [],
        ["RealEstateCrm.Ml"] = ["RealEstateCrm.Warehouse"],
        ["RealEstateCrm.Etl"] = ["RealEstateCrm.Operational", "RealEstateCrm.Warehouse", "RealEstateCrm.Ml"],
        ["RealEstateCrm.Dashboards"] = ["RealEstateCrm.Warehouse", "RealEstateCrm.Ml"],
        ["RealEstateCrm.Host"] = ["*"],
        ["RealEstateCrm.Bench"] = ["*"],
    };

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.EnumerateFiles(RepositoryRoot(), "*.csproj", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
            data.Add(Path.GetRelativePath(RepositoryRoot(), project));
        return data;
    }

    [Theory, MemberData(nameof(Projects))]
    public void Project_references_only_what_the_architecture_allows(string projectPath)
    {
        var name = Path.GetFileNameWithoutExtension(projectPath);
        var references = ReferencesOf(Path.Combine(RepositoryRoot(), projectPath));

        if (name.EndsWith(".Tests"))
        {
            // A test project references the project it tests (EndToEnd and Architecture: the host).
            var tested = name[..^".Tests".Length];
            var expected = tested is "RealEstateCrm.EndToEnd" or "RealEstateCrm.Architecture" ? "RealEstateCrm.Host" : tested;
            Assert.All(references, r => Assert.Equal(expected, r));
            return;
        }

        Assert.True(Allowed.TryGetValue(name, out var allowed), $"{name} is not in the architecture's reference rules; add it to ARCHITECTURE.md and this test");
        if (allowed.Contains("*")) return;
        var forbidden = references.Except(allowed).ToList();
        Assert.True(forbidden.Count == 0, $"{name} may not reference {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void The_rules_catch_a_forbidden_reference()
    {
        var dir = Directory.CreateTempSubdirectory();
        var file = Path.Combine(dir.FullName, "RealEstateCrm.Warehouse.csproj");
        File.WriteAllText(file, """<Project><ItemGroup><ProjectReference Include="..\operational\RealEstateCrm.Operational\RealEstateCrm.Operational.csproj" /></ItemGroup></Project>""");
        Assert.Equal(["RealEstateCrm.Operational"], ReferencesOf(file));
        Assert.Empty(Allowed["RealEstateCrm.Warehouse"]);
        dir.Delete(true);
    }

    private static List<string> ReferencesOf(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RealEstateCrm.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("RealEstateCrm.sln not found above the test binaries");
    }
}

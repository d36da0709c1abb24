namespace RealEstateCrm.Host.Tests;

/// <summary>CLI tests capture the process-wide Spectre console, so the classes that do must not run side by side.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

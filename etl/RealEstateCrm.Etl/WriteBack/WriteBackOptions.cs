namespace RealEstateCrm.Etl.WriteBack;

/// <summary>The limits of the lists written back to the operational DB.</summary>
public sealed record WriteBackOptions
{
    /// <summary>Entries on one sales rep's daily call list.</summary>
    public int CallsPerRep { get; init; } = 30;
    /// <summary>Outbound calls a customer may get in seven days (the list day and the six before), planned ones included.</summary>
    public int WeeklyCallCap { get; init; } = 2;
    /// <summary>Entries on the churn-risk care list and on the cross-sell offer list.</summary>
    public int TargetListSize { get; init; } = 100;
    /// <summary>The day the lists are for, when it is not the day scored: <c>crm demo</c> writes the lists for the day it
    /// is run from the scores of the data's last day, so the demo has a list to work today. Null: the day scored.</summary>
    public DateOnly? ListDay { get; init; }

    public void Validate()
    {
        if (CallsPerRep < 1) throw new ArgumentException("--calls-per-rep: give at least 1");
        if (WeeklyCallCap < 1) throw new ArgumentException("--weekly-cap: give at least 1");
        if (TargetListSize < 1) throw new ArgumentException("--target-list-size: give at least 1");
    }
}

/// <summary>What a write-back stored and what it left out, and why.</summary>
public sealed record WriteBackResult(int Lists, int Entries, int SkippedDoNotCall, int SkippedNoConsent, int SkippedCallCap, int SkippedOutOfScope, int ListsAlreadyWritten)
{
    public static readonly WriteBackResult None = new(0, 0, 0, 0, 0, 0, 0);

    public WriteBackResult Add(WriteBackResult other) => new(Lists + other.Lists, Entries + other.Entries, SkippedDoNotCall + other.SkippedDoNotCall,
        SkippedNoConsent + other.SkippedNoConsent, SkippedCallCap + other.SkippedCallCap, SkippedOutOfScope + other.SkippedOutOfScope,
        ListsAlreadyWritten + other.ListsAlreadyWritten);
}

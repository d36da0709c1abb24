namespace RealEstateCrm.Operational.DemoData;

/// <summary>The generator's ground truth: the probability it used when deciding an outcome (a lead
/// converting, a customer churning, an add-on bought). Tests and model evaluations read it; it is
/// never a feature, never in the outbox, and the warehouse does not load it.</summary>
public sealed class TrueProbability
{
    public long Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? SubjectId { get; set; }
    public required string Outcome { get; set; }
    public double Probability { get; set; }
    public bool Happened { get; set; }
}

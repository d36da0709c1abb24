namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Whether a caller is flagged at risk (a churn score over the line, an open escalated complaint):
/// such callers jump ahead of others in the queue. The ML scores fill it.</summary>
public interface IAtRiskCallers
{
    Task<bool> IsAtRiskAsync(string callerNumber, CancellationToken ct = default);
}

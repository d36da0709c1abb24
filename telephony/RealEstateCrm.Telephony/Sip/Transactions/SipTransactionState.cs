namespace RealEstateCrm.Telephony.Sip.Transactions;

public enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    /// <summary>RFC 6026: a 2xx to an INVITE was sent or received; retransmissions are the TU's business.</summary>
    Accepted,
    Completed,
    Confirmed,
    Terminated,
}

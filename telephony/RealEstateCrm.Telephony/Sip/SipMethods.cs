namespace RealEstateCrm.Telephony.Sip;

public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Register = "REGISTER";
    public const string Options = "OPTIONS";
    public const string Info = "INFO";

    /// <summary>The methods the user agent answers; others get 405 with this list in Allow.</summary>
    public const string Allowed = "INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, INFO";
}

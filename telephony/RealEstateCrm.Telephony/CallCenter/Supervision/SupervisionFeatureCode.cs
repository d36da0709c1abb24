namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>What a supervisor's phone dials to join an agent's live call: <c>*1</c> and the agent's extension to listen
/// in (监听), <c>*2</c> and the extension to whisper to the agent.</summary>
public static class SupervisionFeatureCode
{
    public const string Listen = "*1", Whisper = "*2";

    public static bool TryParse(string number, out SupervisionMode mode, out string agentExtension)
    {
        (mode, agentExtension) = (SupervisionMode.Listen, "");
        if (number.Length <= 2) return false;
        if (number.StartsWith(Listen, StringComparison.Ordinal)) mode = SupervisionMode.Listen;
        else if (number.StartsWith(Whisper, StringComparison.Ordinal)) mode = SupervisionMode.Whisper;
        else return false;
        agentExtension = number[2..];
        return agentExtension.All(char.IsAsciiDigit);
    }
}

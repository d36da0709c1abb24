namespace RealEstateCrm.Telephony.Media;

/// <summary>The prompts shipped by default (file names without ".wav"), in Mandarin (zh) and English (en).</summary>
public static class PromptNames
{
    public const string Welcome = "welcome";
    public const string Menu = "menu";
    public const string ProjectIntroduction = "project-introduction";
    public const string PaymentGuide = "payment-guide";
    public const string HandoverSchedule = "handover-schedule";

    /// <summary>"Your work order number is", followed by the digits (<see cref="PromptLibrary.Digits"/>).</summary>
    public const string WorkOrderStatus = "work-order-status";
    public const string WorkOrderInProgress = "work-order-in-progress";
    public const string LeaveMessage = "leave-message";
    public const string AllAgentsBusy = "all-agents-busy";
    public const string PleaseHold = "please-hold";
    public const string Goodbye = "goodbye";
    public const string InvalidChoice = "invalid-choice";

    public static string Digit(char digit) => char.IsAsciiDigit(digit)
        ? $"digit-{digit}"
        : throw new ArgumentOutOfRangeException(nameof(digit), digit, "spoken digits are 0-9");

    public static IReadOnlyList<string> All { get; } =
    [
        Welcome, Menu, ProjectIntroduction, PaymentGuide, HandoverSchedule, WorkOrderStatus, WorkOrderInProgress,
        LeaveMessage, AllAgentsBusy, PleaseHold, Goodbye, InvalidChoice,
        .. "0123456789".Select(Digit),
    ];
}

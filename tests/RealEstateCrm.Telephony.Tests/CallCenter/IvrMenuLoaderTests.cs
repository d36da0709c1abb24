using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Telephony.Tests.CallCenter;

public sealed class IvrMenuLoaderTests
{
    [Fact]
    public void The_shipped_menu_loads_with_self_service_complaint_and_queue_nodes()
    {
        var menu = IvrMenuLoader.Default();

        Assert.Equal("welcome", menu.Start);
        var main = Assert.IsType<IvrChoice>(menu["main"]);
        Assert.Equal("1234 50".Replace(" ", "").OrderBy(c => c), main.Options.Keys.OrderBy(c => c));
        Assert.IsType<IvrWorkOrderStatus>(menu[main.Options['4']]);
        Assert.True(Assert.IsType<IvrVoicemail>(menu[main.Options['5']]).IsComplaint);
        Assert.Equal("service", Assert.IsType<IvrQueue>(menu[main.Options['0']]).Queue);
    }

    [Fact]
    public void Every_error_in_a_menu_file_is_reported_naming_its_node()
    {
        const string json = """
        {
          "start": "welcome",
          "nodes": {
            "welcome": { "type": "announcement", "prompts": ["hi"], "next": "mian" },
            "main": { "type": "menu", "prompts": ["menu"], "options": { "12": "welcome", "3": "nowhere" }, "timeoutSeconds": 0, "maxRetries": 2, "onFailure": "welcome" },
            "odd": { "type": "fax" },
            "queue": { "type": "queue" }
          }
        }
        """;

        var e = Assert.Throws<IvrMenuException>(() => IvrMenuLoader.Parse(json, "menu.json"));

        Assert.Contains("node \"welcome\": next goes to unknown node \"mian\"", e.Errors);
        Assert.Contains("node \"main\": option \"12\" is not one key of 0-9, * or #", e.Errors);
        Assert.Contains("node \"main\": option \"3\" goes to unknown node \"nowhere\"", e.Errors);
        Assert.Contains("node \"main\": \"timeoutSeconds\" must be a whole number from 1 to 60", e.Errors);
        Assert.Contains("node \"odd\": unknown type \"fax\" (announcement, menu, workOrderStatus, voicemail, queue, hangup)", e.Errors);
        Assert.Contains("node \"queue\": \"queue\" is required", e.Errors);
        Assert.StartsWith("menu.json: ", e.Message);
    }

    [Fact]
    public void A_loop_of_announcements_that_never_waits_for_the_caller_is_refused()
    {
        const string json = """
        { "start": "a", "nodes": {
            "a": { "type": "announcement", "prompts": ["a"], "next": "b" },
            "b": { "type": "announcement", "prompts": ["b"], "next": "a" } } }
        """;

        var e = Assert.Throws<IvrMenuException>(() => IvrMenuLoader.Parse(json, "loop.json"));

        Assert.Equal(["node \"a\": a > b > a loops without waiting for the caller"], e.Errors);
    }

    [Fact]
    public void Broken_json_is_refused_with_its_line()
    {
        var e = Assert.Throws<IvrMenuException>(() => IvrMenuLoader.Parse("{\n\"start\": \"a\",\n\"nodes\": {", "bad.json"));

        Assert.StartsWith("not valid JSON (line 3)", Assert.Single(e.Errors));
    }
}

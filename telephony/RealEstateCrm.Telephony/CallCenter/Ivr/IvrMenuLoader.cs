using System.Text.Json;

namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>Reads an IVR menu tree from JSON and checks it whole before it serves a call: unknown node types,
/// references to missing nodes, bad keys and timeouts, and loops that never wait for the caller are refused
/// with every error naming its node.</summary>
/// <remarks>Format: <c>{"start": "welcome", "nodes": {"welcome": {"type": "announcement", "prompts": [...], "next": "main"}, ...}}</c>;
/// types announcement, menu (options, timeoutSeconds, maxRetries, invalidPrompt, onFailure), workOrderStatus (nonePrompt, next),
/// voicemail (maxSeconds, complaint, next), queue (queue), hangup. See telephony/README.md.</remarks>
public static class IvrMenuLoader
{
    private const string DtmfKeys = "0123456789*#";

    /// <summary>The menu shipped with the product: greeting, self-service, complaint voicemail, and the service queue.</summary>
    public static IvrMenu Default()
    {
        using var stream = typeof(IvrMenuLoader).Assembly.GetManifestResourceStream("RealEstateCrm.Telephony.CallCenter.default-ivr.json")
            ?? throw new InvalidOperationException("the default IVR menu is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "default-ivr.json");
    }

    public static IvrMenu Load(string path) => Parse(File.ReadAllText(path), path);

    public static IvrMenu Parse(string json, string source)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new IvrMenuException(source, [$"not valid JSON (line {e.LineNumber + 1}): {e.Message}"]); }
        using (document)
        {
            var errors = new List<string>();
            var root = document.RootElement;
            var start = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("start", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : null;
            if (start is null) errors.Add("\"start\" must name the first node");
            var nodes = new Dictionary<string, IvrNode>(StringComparer.Ordinal);
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("nodes", out var nodesElement) || nodesElement.ValueKind != JsonValueKind.Object)
                errors.Add("\"nodes\" must be an object of nodes by id");
            else
                foreach (var property in nodesElement.EnumerateObject())
                    if (ReadNode(property.Name, property.Value, errors) is { } node) nodes[node.Id] = node;

            if (start is not null && nodes.Count > 0 && !nodes.ContainsKey(start)) errors.Add($"\"start\" names unknown node \"{start}\"");
            foreach (var node in nodes.Values)
                foreach (var (what, target) in References(node))
                    if (!nodes.ContainsKey(target)) errors.Add($"node \"{node.Id}\": {what} goes to unknown node \"{target}\"");
            if (errors.Count == 0) errors.AddRange(LoopsWithoutInput(nodes));
            if (errors.Count > 0) throw new IvrMenuException(source, errors);
            return new IvrMenu(start!, nodes);
        }
    }

    private static IvrNode? ReadNode(string id, JsonElement e, List<string> errors)
    {
        var at = $"node \"{id}\"";
        if (e.ValueKind != JsonValueKind.Object) { errors.Add($"{at}: must be an object"); return null; }
        var fields = new NodeFields(id, e, errors);
        var type = fields.String("type");
        var prompts = fields.Prompts(required: type is "announcement" or "menu");
        switch (type)
        {
            case "announcement": return new IvrAnnouncement(id, prompts, fields.String("next") ?? "");
            case "workOrderStatus": return new IvrWorkOrderStatus(id, prompts, fields.String("nonePrompt") ?? "", fields.String("next") ?? "");
            case "queue": return new IvrQueue(id, prompts, fields.String("queue") ?? "");
            case "hangup": return new IvrHangup(id, prompts);
            case "voicemail":
                var seconds = fields.Int("maxSeconds", 1, 600) ?? 0;
                return new IvrVoicemail(id, prompts, TimeSpan.FromSeconds(seconds), fields.Bool("complaint"), fields.String("next") ?? "");
            case "menu":
                var options = new Dictionary<char, string>();
                if (!e.TryGetProperty("options", out var o) || o.ValueKind != JsonValueKind.Object || !o.EnumerateObject().Any())
                    errors.Add($"{at}: \"options\" must map at least one key to a node");
                else
                    foreach (var option in o.EnumerateObject())
                    {
                        if (option.Name.Length != 1 || !DtmfKeys.Contains(option.Name[0])) errors.Add($"{at}: option \"{option.Name}\" is not one key of 0-9, * or #");
                        else if (option.Value.ValueKind != JsonValueKind.String) errors.Add($"{at}: option \"{option.Name}\" must name a node");
                        else options[option.Name[0]] = option.Value.GetString()!;
                    }
                var timeout = fields.Int("timeoutSeconds", 1, 60) ?? 0;
                var retries = fields.Int("maxRetries", 0, 9) ?? 0;
                var invalid = fields.OptionalString("invalidPrompt");
                return new IvrChoice(id, prompts, options, TimeSpan.FromSeconds(timeout), retries, invalid, fields.String("onFailure") ?? "");
            case null: return null;
            default:
                errors.Add($"{at}: unknown type \"{type}\" (announcement, menu, workOrderStatus, voicemail, queue, hangup)");
                return null;
        }
    }

    private static IEnumerable<(string What, string Target)> References(IvrNode node) => node switch
    {
        IvrAnnouncement a => [("next", a.Next)],
        IvrWorkOrderStatus w => [("next", w.Next)],
        IvrVoicemail v => [("next", v.Next)],
        IvrChoice c => c.Options.Select(o => ($"option \"{o.Key}\"", o.Value)).Append(("onFailure", c.OnFailure)),
        _ => [],
    };

    /// <summary>Announcements and status readings go on by themselves; a cycle of only those would play forever.</summary>
    private static IEnumerable<string> LoopsWithoutInput(Dictionary<string, IvrNode> nodes)
    {
        static string? Automatic(IvrNode node) => node switch { IvrAnnouncement a => a.Next, IvrWorkOrderStatus w => w.Next, _ => null };
        var reported = new HashSet<string>();
        foreach (var first in nodes.Values)
        {
            var seen = new List<string>();
            for (var id = first.Id; id is not null && nodes.TryGetValue(id, out var node); id = Automatic(node))
            {
                if (seen.Contains(id))
                {
                    var loop = seen.SkipWhile(n => n != id).ToList();
                    if (reported.Add(loop.Min(StringComparer.Ordinal)!))
                        yield return $"node \"{id}\": {string.Join(" > ", loop.Append(id))} loops without waiting for the caller";
                    break;
                }
                seen.Add(id);
            }
        }
    }

    /// <summary>Reads one node's fields, adding an error that names the node and field for each bad one.</summary>
    private sealed class NodeFields(string id, JsonElement e, List<string> errors)
    {
        private string At => $"node \"{id}\"";

        public string? String(string name)
        {
            var value = OptionalString(name);
            if (value is null && (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)) errors.Add($"{At}: \"{name}\" is required");
            return value;
        }

        public string? OptionalString(string name)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())) return v.GetString()!.Trim();
            errors.Add($"{At}: \"{name}\" must be a non-empty string");
            return null;
        }

        public int? Int(string name, int min, int max)
        {
            if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= min && n <= max) return n;
            errors.Add($"{At}: \"{name}\" must be a whole number from {min} to {max}");
            return null;
        }

        public bool Bool(string name)
        {
            if (!e.TryGetProperty(name, out var v)) return false;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            errors.Add($"{At}: \"{name}\" must be true or false");
            return false;
        }

        public IReadOnlyList<string> Prompts(bool required)
        {
            if (!e.TryGetProperty("prompts", out var v))
            {
                if (required) errors.Add($"{At}: \"prompts\" is required");
                return [];
            }
            if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(p => p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString())))
            {
                var prompts = v.EnumerateArray().Select(p => p.GetString()!.Trim()).ToList();
                if (required && prompts.Count == 0) errors.Add($"{At}: \"prompts\" must name at least one prompt");
                return prompts;
            }
            errors.Add($"{At}: \"prompts\" must be a list of prompt names");
            return [];
        }
    }
}

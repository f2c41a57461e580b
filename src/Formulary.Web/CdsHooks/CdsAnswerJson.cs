using System.Buffers;
using System.Text.Json;

namespace Formulary.Web.CdsHooks;

/// <summary>
/// Writes the answer of a service call: the JSON <see cref="JsonSerializer"/> gives with <see cref="CdsJson.Options"/>
/// (camelCase, members in declaration order, null members left out, the relaxed encoder), byte for byte (checked by
/// <c>CdsAnswerJsonTests</c> against the serializer). Written by hand so that a card's detail, thousands of characters of
/// Markdown with a line break or a quote every few words, is escaped by <see cref="RelaxedJsonString"/> in one pass rather
/// than character by character by the writer.
/// </summary>
internal static class CdsAnswerJson
{
    public static void Write(Utf8JsonWriter writer, CdsResponse response)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(response);
        writer.WriteStartObject();
        writer.WritePropertyName("cards");
        writer.WriteStartArray();
        foreach (var card in response.Cards)
        {
            Write(writer, card);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Card card)
    {
        writer.WriteStartObject();
        Text(writer, "uuid", card.Uuid);
        Text(writer, "summary", card.Summary);
        if (card.Detail is { } detail)
        {
            writer.WritePropertyName("detail");
            var rented = ArrayPool<byte>.Shared.Rent(RelaxedJsonString.MaxBytes(detail.Length));
            try
            {
                writer.WriteRawValue(rented.AsSpan(0, RelaxedJsonString.Write(rented, detail)), skipInputValidation: true);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        Text(writer, "indicator", card.Indicator);
        if (card.Source is { } source)
        {
            writer.WritePropertyName("source");
            writer.WriteStartObject();
            Text(writer, "label", source.Label);
            Text(writer, "url", source.Url);
            if (source.Topic is { } topic)
            {
                writer.WritePropertyName("topic");
                Write(writer, topic);
            }

            writer.WriteEndObject();
        }

        if (card.Suggestions is { } suggestions)
        {
            writer.WritePropertyName("suggestions");
            writer.WriteStartArray();
            foreach (var suggestion in suggestions)
            {
                Write(writer, suggestion);
            }

            writer.WriteEndArray();
        }

        Text(writer, "selectionBehavior", card.SelectionBehavior);
        if (card.OverrideReasons is { } reasons)
        {
            writer.WritePropertyName("overrideReasons");
            writer.WriteStartArray();
            foreach (var reason in reasons)
            {
                Write(writer, reason);
            }

            writer.WriteEndArray();
        }

        if (card.Links is { } links)
        {
            writer.WritePropertyName("links");
            writer.WriteStartArray();
            foreach (var link in links)
            {
                writer.WriteStartObject();
                Text(writer, "label", link.Label);
                Text(writer, "url", link.Url);
                Text(writer, "type", link.Type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, CardSuggestion suggestion)
    {
        writer.WriteStartObject();
        Text(writer, "label", suggestion.Label);
        Text(writer, "uuid", suggestion.Uuid);
        if (suggestion.IsRecommended is { } recommended)
        {
            writer.WriteBoolean("isRecommended", recommended);
        }

        if (suggestion.Actions is { } actions)
        {
            writer.WritePropertyName("actions");
            writer.WriteStartArray();
            foreach (var action in actions)
            {
                writer.WriteStartObject();
                Text(writer, "type", action.Type);
                Text(writer, "description", action.Description);
                if (action.Resource is { } resource)
                {
                    writer.WritePropertyName("resource");
                    resource.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, CardCoding coding)
    {
        writer.WriteStartObject();
        Text(writer, "code", coding.Code);
        Text(writer, "system", coding.System);
        Text(writer, "display", coding.Display);
        writer.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Mayar.Credit.Emulator;

/// <summary>Writes responses in the documented shapes, switched by <see cref="EmulatorVariants"/>.</summary>
internal static class Replies
{
    public const string DefaultMessageKey = "message";

    // Readable output (a "+" stays "+"); nothing here is embedded in HTML.
    public static readonly JsonSerializerOptions JsonOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A success: {statusCode, message, …fields} or {statusCode, message, data:{…fields}}.</summary>
    public static Task Success(HttpContext context, EmulatorVariants variants, int httpStatus, JsonObject fields, bool seedWrapsInData, string message = "success")
    {
        var wrapped = variants.Wrapper == "data" || (variants.Wrapper == "seed" && seedWrapsInData);
        var body = new JsonObject
        {
            ["statusCode"] = httpStatus,
            [SuccessKey(variants)] = message,
        };
        if (wrapped)
        {
            body["data"] = fields;
        }
        else
        {
            foreach (var (name, value) in ToList(fields))
            {
                body[name] = value;
            }
        }

        return Write(context, httpStatus, body);
    }

    /// <summary>An error: {statusCode, message|messages}. With ErrorsAsHttp200 the HTTP status is 200.</summary>
    public static Task Error(HttpContext context, EmulatorVariants variants, int status, string message, string seedKey = DefaultMessageKey)
    {
        var key = variants.MessageKey == "seed" ? seedKey : variants.MessageKey;
        var body = new JsonObject { ["statusCode"] = status, [key] = message };
        return Write(context, variants.ErrorsAsHttp200 ? 200 : status, body);
    }

    /// <summary>A validation failure: {statusCode:400, messages:"Validation Error", data:[{type, message, field}]}, or the live "failed" form.</summary>
    public static Task Validation(HttpContext context, EmulatorVariants variants, IReadOnlyList<ValidationProblem> problems)
    {
        var items = new JsonArray();
        foreach (var problem in problems)
        {
            items.Add(new JsonObject { ["type"] = problem.Type, ["message"] = problem.Message, ["field"] = problem.Field });
        }

        if (variants.ValidationAsFailed)
        {
            return Write(context, 200, new JsonObject { ["statusCode"] = 200, ["messages"] = "failed", ["data"] = items });
        }

        var key = variants.MessageKey == "seed" ? "messages" : variants.MessageKey;
        var body = new JsonObject { ["statusCode"] = 400, [key] = "Validation Error", ["data"] = items };
        return Write(context, variants.ErrorsAsHttp200 ? 200 : 400, body);
    }

    public static JsonNode Number(EmulatorVariants variants, decimal value) =>
        variants.NumbersAsStrings ? JsonValue.Create(value.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(value);

    public static Task Write(HttpContext context, int httpStatus, JsonNode body) =>
        WriteRaw(context, httpStatus, body.ToJsonString(JsonOutput), "application/json; charset=utf-8");

    public static Task WriteRaw(HttpContext context, int httpStatus, string body, string contentType)
    {
        // Record the status before the first byte leaves, so a client never sees a response the log lacks.
        if (context.Items[EmulatorPipeline.LogKey] is RequestLogEntry entry)
        {
            entry.Status = httpStatus;
        }

        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    public static string SuccessKey(EmulatorVariants variants) => variants.MessageKey == "messages" ? "messages" : "message";

    private static List<(string, JsonNode?)> ToList(JsonObject fields)
    {
        var list = new List<(string, JsonNode?)>();
        foreach (var property in fields)
        {
            list.Add((property.Key, property.Value?.DeepClone()));
        }

        return list;
    }
}

internal sealed record ValidationProblem(string Field, string Message, string Type = "required");

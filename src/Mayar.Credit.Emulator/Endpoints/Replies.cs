using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Harness;
using Microsoft.AspNetCore.Http;

namespace Mayar.Credit.Emulator.Endpoints;

/// <summary>What an API endpoint answers: a success (status and body) or an <see cref="ApiError"/>.</summary>
internal readonly struct ApiResult
{
    private readonly ApiError? _error;
    private readonly int _status;
    private readonly JsonNode? _body;

    private ApiResult(ApiError? error, int status, JsonNode? body)
    {
        _error = error;
        _status = status;
        _body = body;
    }

    public static implicit operator ApiResult(ApiError error) => new(error, 0, null);

    public static ApiResult Ok(int httpStatus, JsonNode body) => new(null, httpStatus, body);

    public Task WriteAsync(HttpContext context, EmulatorVariants variants) =>
        _error is { } error ? Replies.Error(context, variants, error) : Replies.Write(context, _status, _body!);
}

/// <summary>Writes responses in the documented shapes, switched by <see cref="EmulatorVariants"/>: the one writer of every reply.</summary>
internal static class Replies
{
    // Readable output (a "+" stays "+"); nothing here is embedded in HTML.
    public static readonly JsonSerializerOptions JsonOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A success: {statusCode, message, …fields} or {statusCode, message, data:{…fields}}.</summary>
    public static ApiResult Success(EmulatorVariants variants, int httpStatus, JsonObject fields, bool seedWrapsInData)
    {
        var wrapped = variants.Wrapper == "data" || (variants.Wrapper == "seed" && seedWrapsInData);
        var body = new JsonObject
        {
            ["statusCode"] = httpStatus,
            [SuccessKey(variants)] = "success",
        };
        if (wrapped)
        {
            body["data"] = fields;
        }
        else
        {
            foreach (var property in fields)
            {
                body[property.Key] = property.Value?.DeepClone();
            }
        }

        return ApiResult.Ok(httpStatus, body);
    }

    public static Task Error(HttpContext context, EmulatorVariants variants, ApiError error)
    {
        var (httpStatus, body) = error.Render(variants);
        return Write(context, httpStatus, body);
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

    /// <summary>The message key of a Headless V2 reply: "messages", unless the "message" variant asks for the other spelling.</summary>
    public static string V2MessageKey(EmulatorVariants variants) => variants.MessageKey == "message" ? "message" : "messages";

    /// <summary>A time as the documents write ISO 8601: UTC with milliseconds, e.g. 2026-01-15T15:07:33.868Z.</summary>
    public static string IsoTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

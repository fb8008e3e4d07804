using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>Each failure the API or the way to it can produce, and the kind it becomes.</summary>
public sealed class FailureKindTests : EmulatorTest
{
    public FailureKindTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData(400, MayarErrorKind.Validation, "Mayar.Validation")]
    [InlineData(401, MayarErrorKind.Unauthorized, "Mayar.Unauthorized")]
    [InlineData(403, MayarErrorKind.Forbidden, "Mayar.Forbidden")]
    [InlineData(404, MayarErrorKind.NotFound, "Mayar.NotFound")]
    [InlineData(409, MayarErrorKind.Conflict, "Mayar.Conflict")]
    [InlineData(429, MayarErrorKind.RateLimited, "Mayar.RateLimited")]
    [InlineData(500, MayarErrorKind.Server, "Mayar.ServerError")]
    [InlineData(503, MayarErrorKind.Server, "Mayar.ServerError")]
    public async Task Json_error_statuses_map_to_kinds(int status, MayarErrorKind kind, string errorId)
    {
        Fault(new FaultRule { Status = status, Body = $"{{\"statusCode\":{status},\"message\":\"boom {status}\"}}" });

        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(Sample));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(status, error.HttpStatusCode);
        Assert.Equal($"boom {status}", error.ServerMessage);
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized()
    {
        var error = await FailsAsync(() => Client("wrong-key-0000000000").GetCreditBalanceAsync(Sample));
        Assert.Equal(MayarErrorKind.Unauthorized, error.Kind);
        Assert.Equal(401, error.StatusCode);
        Assert.False(OnlyRequest().Authorized);
    }

    [Fact]
    public async Task The_credit_services_400_for_a_key_without_access_is_unauthorized()
    {
        Fault(new FaultRule { Status = 400, Body = "{\"statusCode\":400,\"messages\":\"API key does not have access\"}" });

        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(Sample));

        Assert.Equal(MayarErrorKind.Unauthorized, error.Kind);
        Assert.Equal("Mayar.Unauthorized", error.ErrorId);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task Unauthorized_sent_as_http_200_is_unauthorized()
    {
        Variants(v => v.ErrorsAsHttp200 = true);
        var error = await FailsAsync(() => Client("wrong-key-0000000000").RegisterCreditCustomerAsync(Registration(EmulatorOptions.DefaultProductId)));
        Assert.Equal(MayarErrorKind.Unauthorized, error.Kind);
        Assert.Equal(200, error.HttpStatusCode);
        Assert.Equal(401, error.StatusCode);
        Assert.Single(State.Store.Accounts.All()); // the sample account alone
    }

    [Fact]
    public async Task Validation_items_are_read_with_field_message_and_type()
    {
        Fault(new FaultRule
        {
            Status = 400,
            Body = "{\"statusCode\":400,\"messages\":\"Validation Error\",\"data\":[{\"type\":\"required\",\"message\":\"The 'name' field is required.\",\"field\":\"name\"},{\"field\":\"email\",\"message\":\"bad\"}]}",
        });

        var error = await FailsAsync(() => Client().CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com" }));

        Assert.Equal(MayarErrorKind.Validation, error.Kind);
        Assert.Equal("Validation Error", error.ServerMessage);
        Assert.Equal(2, error.ValidationErrors.Count);
        Assert.Equal("name", error.ValidationErrors[0].Field);
        Assert.Equal("required", error.ValidationErrors[0].Type);
        Assert.Contains("The 'name' field is required.", error.Message);
    }

    [Fact]
    public async Task Http_200_with_messages_failed_is_a_validation_failure()
    {
        Fault(new FaultRule { Status = 200, Body = "{\"statusCode\":200,\"messages\":\"failed\",\"data\":[{\"type\":\"email\",\"message\":\"The 'email' field must be a valid e-mail.\",\"field\":\"email\"}]}" });

        var error = await FailsAsync(() => Client().CreateCustomerAsync(new NewCustomerRequest { Name = "A", Email = "a@example.com" }));

        Assert.Equal(MayarErrorKind.Validation, error.Kind);
        Assert.Equal(200, error.HttpStatusCode);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("email", Assert.Single(error.ValidationErrors).Field);
    }

    [Fact]
    public async Task The_emulators_validation_as_failed_variant_is_a_validation_failure()
    {
        Variants(v => v.ValidationAsFailed = true);
        // The client refuses everything the emulator would, so drive the emulator with a bare HTTP call.
        using var http = RawHttp();
        var response = await http.PostAsync(MayarRoutes.CreateCustomer.TrimStart('/'), new System.Net.Http.StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"messages\":\"failed\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http_200_with_an_error_status_in_the_body_is_that_error()
    {
        Fault(new FaultRule { Status = 200, Body = "{\"statusCode\":500,\"message\":\"Internal server error\"}" });
        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(Sample));
        Assert.Equal(MayarErrorKind.Server, error.Kind);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(200, error.HttpStatusCode);
    }

    [Fact]
    public async Task A_plain_text_502_is_a_server_error_not_a_crash()
    {
        Fault(new FaultRule { Status = 502, Body = "Bad Gateway", ContentType = "text/plain" });
        var error = await FailsAsync(() => Client().RegisterCreditCustomerAsync(Registration(EmulatorOptions.DefaultProductId)));
        Assert.Equal(MayarErrorKind.Server, error.Kind);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("Bad Gateway", error.ServerMessage);
        Assert.Contains("not JSON", error.Message);
    }

    [Theory]
    [InlineData("<html><body>Maintenance</body></html>", "text/html")]
    [InlineData("{\"statusCode\":200,", "application/json")]
    [InlineData("[1,2,3]", "application/json")]
    [InlineData("", "application/json")]
    public async Task A_success_status_with_a_body_that_is_not_a_json_object_is_an_invalid_response(string body, string contentType)
    {
        Fault(new FaultRule { Status = 200, Body = body, ContentType = contentType });
        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(Sample));
        Assert.Equal(MayarErrorKind.InvalidResponse, error.Kind);
        Assert.Equal("Mayar.InvalidResponse", error.ErrorId);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transport_error()
    {
        var client = Client(baseUri: UnreachableBaseUri());

        var error = await FailsAsync(() => client.GetCreditBalanceAsync(Sample));

        Assert.Equal(MayarErrorKind.Transport, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.Equal("Mayar.Transport", error.ErrorId);
    }

    [Fact]
    public async Task A_slow_answer_is_a_timeout_that_warns_a_write_may_have_happened()
    {
        Fault(new FaultRule { DelayMs = 3000 });
        var error = await FailsAsync(() => Client(timeout: TimeSpan.FromSeconds(1)).RegisterCreditCustomerAsync(Registration(EmulatorOptions.DefaultProductId)));
        Assert.Equal(MayarErrorKind.Timeout, error.Kind);
        Assert.Contains("may have been processed", error.Message);
    }

    [Fact]
    public async Task Cancellation_is_not_an_api_failure()
    {
        Fault(new FaultRule { DelayMs = 5000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetCreditBalanceAsync(Sample, cancellationToken: cancel.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task The_message_names_method_and_path_but_not_the_query()
    {
        Fault(new FaultRule { Status = 500, Body = "{\"statusCode\":500,\"message\":\"x\"}" });
        var error = await FailsAsync(() => Client().GetCreditBalanceAsync(Sample));
        Assert.EndsWith($"[GET {MayarRoutes.CreditBalance} -> 500]", error.Message);
        Assert.DoesNotContain(EmulatorOptions.SampleCustomerId, error.Message);
    }

    [Fact]
    public async Task Trace_records_one_line_per_request()
    {
        var trace = new RecordingTrace();
        await Client().GetCreditBalanceAsync(Sample, trace);
        var record = Assert.Single(trace.Records);
        Assert.Equal(200, record.StatusCode);
        Assert.Matches($"^GET {MayarRoutes.CreditBalance} -> 200 \\([0-9]+ ms\\)$", record.ToString());
    }
}

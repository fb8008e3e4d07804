using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// Every route the client calls (each constant of <see cref="MayarRoutes"/>, found by reflection) has an emulator
/// endpoint. An unmapped path is answered by the fallback with a 404 the client reads as Mayar.NotFound, just like a
/// real "Customer not found": so the check is structural, by the app's endpoint table and by the endpoint each
/// request was routed to, never by the answer's status.
/// </summary>
public sealed class EmulatorRouteTests : EmulatorTest
{
    public EmulatorRouteTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    public static TheoryData<string, string> ClientRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in ClientRouteFields())
        {
            data.Add(field.Name, (string)field.GetRawConstantValue()!);
        }

        return data;
    }

    [Fact]
    public void Reflection_finds_the_client_routes()
    {
        var routes = ClientRouteFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Contains(MayarRoutes.RegisterCreditCustomer, routes);
        Assert.Contains(MayarRoutes.CreateCustomer, routes);
        Assert.Contains(MayarRoutes.CreditBalance, routes);
        Assert.All(routes, route => Assert.StartsWith("/", route));
    }

    [Theory]
    [MemberData(nameof(ClientRoutes))]
    public async Task The_emulator_has_an_endpoint_for_every_client_route(string name, string route)
    {
        var methods = Emulator.Routes().Where(r => string.Equals(r.Pattern, route, StringComparison.OrdinalIgnoreCase)).Select(r => r.Method).ToList();
        Assert.True(methods.Count > 0, $"MayarRoutes.{name} ({route}) has no endpoint in the emulator.");

        using var http = RawHttp();
        foreach (var method in methods)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route.TrimStart('/'));
            if (method != "GET")
            {
                request.Content = new StringContent("{}");
            }

            using var response = await http.SendAsync(request);
            var entry = Log.Last();
            Assert.Equal((method, route), (entry.Method, entry.Path));
            Assert.True(entry.Processed);
            Assert.True(route == entry.Endpoint, $"{method} {route} (MayarRoutes.{name}) was routed to '{entry.Endpoint}', not its own endpoint.");
        }
    }

    // The harness answers before any endpoint: so an endpoint's own tests need not show its faults, rate limit or
    // reply variants again.
    [Theory]
    [MemberData(nameof(ClientRoutes))]
    public async Task A_fault_and_the_rate_limit_answer_every_route_before_its_endpoint(string name, string route)
    {
        Fault(new FaultRule { Path = route, Status = 503, Count = 1 });
        var faulted = (await SendEmptyAsync(route)).Status;
        State.Harness.RateLimit.Set(1, 60);

        var statuses = new[] { faulted, (await SendEmptyAsync(route)).Status, (await SendEmptyAsync(route)).Status };

        Assert.True(statuses[0] == HttpStatusCode.ServiceUnavailable && statuses[2] == HttpStatusCode.TooManyRequests, $"MayarRoutes.{name}: {string.Join(", ", statuses)}");
        Assert.Equal(new[] { false, true, false }, Log.Select(e => e.Processed));
    }

    [Theory]
    [MemberData(nameof(ClientRoutes))]
    public async Task The_reply_variants_shape_every_routes_errors(string name, string route)
    {
        Variants(v =>
        {
            v.MessageKey = "message";
            v.ErrorsAsHttp200 = true;
        });

        var (status, body) = await SendEmptyAsync(route);

        // An empty body or query is an error on most routes (a list answers its first page): HTTP 200 either way.
        Assert.True(status == HttpStatusCode.OK, $"MayarRoutes.{name}: {(int)status} {body.ToJsonString()}");
        Assert.True(body.ContainsKey("message") && !body.ContainsKey("messages"), $"MayarRoutes.{name}: {body.ToJsonString()}");
    }

    [Fact]
    public async Task An_unmapped_route_reaches_only_the_fallback_whose_404_looks_like_not_found()
    {
        const string Unmapped = "/credit/v1/credit/customer/no-such-route";
        Assert.DoesNotContain(Emulator.Routes(), r => r.Pattern == Unmapped);

        using var http = RawHttp();
        using var response = await http.PostAsync(Unmapped.TrimStart('/'), new StringContent("{}"));

        // The status alone would pass for a real endpoint's 404: only the routed endpoint tells them apart.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = OnlyRequest();
        Assert.True(entry.Processed);
        Assert.NotNull(entry.Endpoint);
        Assert.NotEqual(Unmapped, entry.Endpoint);
    }

    // The route's endpoint sent an empty request: "{}" to a POST, no query to a GET.
    private Task<(HttpStatusCode Status, JsonObject Body)> SendEmptyAsync(string route)
    {
        var method = Emulator.Routes().First(r => string.Equals(r.Pattern, route, StringComparison.OrdinalIgnoreCase)).Method;
        return RawJsonAsync(route, method == "GET" ? null : "{}");
    }

    private static FieldInfo[] ClientRouteFields() =>
        typeof(MayarRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToArray();
}

using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
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

    private static FieldInfo[] ClientRouteFields() =>
        typeof(MayarRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToArray();
}

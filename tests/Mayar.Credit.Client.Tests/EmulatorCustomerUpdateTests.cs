using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// The emulator's K4, POST /hl/v2/customers/update {fromEmail, toEmail}, over raw loopback HTTP: the reply shapes,
/// what the email change does to the V2 customer and to later registrations, and each error.
/// </summary>
public sealed class EmulatorCustomerUpdateTests : EmulatorTest
{
    private const string Path = MayarRoutes.UpdateCustomer;

    public EmulatorCustomerUpdateTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task The_customer_moves_to_the_new_email_and_the_reply_is_the_envelope_alone()
    {
        var before = State.Store.V2Customers.FindByEmail(SampleEmail)!;
        var newEmail = $"john.{Guid.NewGuid():N}@example.com";

        var (status, body) = await UpdateAsync(SampleEmail.ToUpperInvariant(), newEmail);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"statusCode":200,"messages":"success"}""", body.ToJsonString());
        Assert.Null(State.Store.V2Customers.FindByEmail(SampleEmail));
        var after = State.Store.V2Customers.FindByEmail(newEmail)!;
        Assert.Equal((before.CustomerId, before.Name, before.Mobile, before.CreatedAtMs), (after.CustomerId, after.Name, after.Mobile, after.CreatedAtMs));
        Assert.Equal(newEmail, after.Email);
        Assert.True(after.UpdatedAtMs >= before.CreatedAtMs);

        var (detailStatus, detail) = await RawJsonAsync(MayarRoutes.CustomerDetail + "?email=" + Uri.EscapeDataString(newEmail));
        Assert.Equal(HttpStatusCode.OK, detailStatus);
        Assert.Equal(EmulatorOptions.SampleCustomerId, (string)detail["data"]!["id"]!);
        Assert.Equal(after.UpdatedAtMs, (long)detail["data"]!["updatedAt"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await RawJsonAsync(MayarRoutes.CustomerDetail + "?email=" + Uri.EscapeDataString(SampleEmail))).Status);
    }

    [Fact]
    public async Task A_registration_then_knows_the_customer_by_the_new_email_only()
    {
        var newEmail = $"john.{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.OK, (await UpdateAsync(SampleEmail, newEmail)).Status);

        var byNew = State.Store.Register(NewProduct(), "john doe", newEmail, "08777777777", 0)!;
        var byOld = State.Store.Register(NewProduct(), "john doe", SampleEmail, "08777777777", 0)!;

        Assert.Equal(EmulatorOptions.SampleCustomerId, byNew.CustomerId);
        Assert.NotEqual(EmulatorOptions.SampleCustomerId, byOld.CustomerId);
        Assert.Equal(byOld.CustomerId, State.Store.V2Customers.FindByEmail(SampleEmail)!.CustomerId);
    }

    [Fact]
    public async Task The_customers_own_email_in_another_case_is_no_conflict()
    {
        var (status, _) = await UpdateAsync(SampleEmail, "JohnDoe.Sample@Example.com");

        Assert.Equal(HttpStatusCode.OK, status);
        var customer = State.Store.V2Customers.FindByEmail(SampleEmail)!;
        Assert.Equal(("JohnDoe.Sample@Example.com", EmulatorOptions.SampleCustomerId), (customer.Email, customer.CustomerId));
    }

    [Fact]
    public async Task An_unknown_fromEmail_is_the_documented_404()
    {
        var (status, body) = await UpdateAsync("nobody@example.com", "somebody@example.com");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("""{"statusCode":404,"messages":"Email nobody@example.com tidak terdaftar sebagai customer"}""", body.ToJsonString());
    }

    [Fact]
    public async Task The_sample_member_is_no_V2_customer_so_its_email_is_unknown()
    {
        var (status, _) = await UpdateAsync("janemember.sample@example.com", "jane.new@example.com");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData(false)] // another V2 customer's email
    [InlineData(true)] // the sample member's: known to the credit service, though not a V2 customer
    public async Task A_toEmail_another_customer_has_is_a_409_and_changes_nothing(bool member)
    {
        var taken = member ? "JaneMember.Sample@example.com" : State.Store.Register(NewProduct(), "Ani", $"ani.{Guid.NewGuid():N}@example.com", "0812", 0)!.Email;

        var (status, body) = await UpdateAsync(SampleEmail, taken);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("""{"statusCode":409,"messages":"already exist"}""", body.ToJsonString());
        Assert.Equal(EmulatorOptions.SampleCustomerId, State.Store.V2Customers.FindByEmail(SampleEmail)!.CustomerId);
    }

    [Theory]
    [InlineData("{}", "fromEmail,toEmail")]
    [InlineData("""{"fromEmail":"  ","toEmail":"a@example.com"}""", "fromEmail")]
    [InlineData("""{"fromEmail":"johndoe.sample@example.com","toEmail":"not-an-email"}""", "toEmail")]
    [InlineData("""{"fromEmail":"no at sign","toEmail":"a@b"}""", "fromEmail,toEmail")]
    [InlineData("[1]", "body")]
    public async Task Missing_or_malformed_emails_are_a_validation_error(string body, string fields)
    {
        var (status, reply) = await RawJsonAsync(Path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal((400, "Validation Error"), ((int)reply["statusCode"]!, (string)reply["messages"]!));
        Assert.Equal(fields, string.Join(",", reply["data"]!.AsArray().Select(p => (string)p!["field"]!)));
        Assert.Equal(EmulatorOptions.SampleCustomerId, State.Store.V2Customers.FindByEmail(SampleEmail)!.CustomerId);
    }

    private Task<(HttpStatusCode Status, JsonObject Body)> UpdateAsync(string fromEmail, string toEmail) =>
        RawJsonAsync(Path, new JsonObject { ["fromEmail"] = fromEmail, ["toEmail"] = toEmail }.ToJsonString());
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Harness;
using Xunit;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// The executor behind -ThrottleLimit with the real client against the emulator: requests overlap up to the
/// limit, outcomes keep input order, and pacing, retries and the never-duplicate rule still hold.
/// </summary>
public sealed class ThrottledBatchTests : EmulatorTest
{
    public ThrottledBatchTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void Reads_overlap_up_to_the_limit_and_come_back_in_input_order()
    {
        State.Harness.SetLatency(100, 100);
        var client = Client();
        var gauge = new InFlightGauge();
        var products = Enumerable.Range(0, 24).Select(_ => NewProduct()).ToList();
        var customers = products.Select(p => (Product: p, Customer: RegisterAsync(p, trialCredit: 7).GetAwaiter().GetResult().CustomerId)).ToList();

        using var window = new OrderedWindow<int, CreditBalance>(8);
        var outcomes = new List<OrderedWindowEvent<int, CreditBalance>>();
        for (var i = 0; i < customers.Count; i++)
        {
            var query = new GetCreditBalanceRequest { CustomerId = customers[i].Customer, ProductId = customers[i].Product };
            outcomes.AddRange(window.Add(i, () => gauge.Measure(() => client.GetCreditBalanceAsync(query))));
        }

        outcomes.AddRange(window.Complete());

        Assert.Equal(Enumerable.Range(0, 24), outcomes.Select(o => o.Item));
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal(customers.Select(c => c.Customer), outcomes.Select(o => o.Result.CustomerId));
        Assert.InRange(gauge.Most, 2, 8);
    }

    [Fact]
    public void A_throttled_batch_of_writes_with_faults_registers_each_input_once_and_reports_the_rest_in_order()
    {
        // One 429 (retried), one connection dropped after processing (reported, not repeated), one refused input.
        Fault(new FaultRule { Path = MayarRoutes.RegisterCreditCustomer, Status = 429, RetryAfter = "0" });
        var client = Client(maxRetries: 4, requestsPerMinute: 6000);
        var requests = Enumerable.Range(0, 30).Select(i => Registration(EmulatorOptions.DefaultProductId, email: $"batch.{i}.{Guid.NewGuid():N}@example.com")).ToList();
        requests[12].Email = "not-an-email";

        using var window = new OrderedWindow<RegisterCreditCustomerRequest, RegisteredCreditCustomer>(8);
        var outcomes = new List<OrderedWindowEvent<RegisterCreditCustomerRequest, RegisteredCreditCustomer>>();
        foreach (var request in requests)
        {
            if (request == requests[20])
            {
                Fault(new FaultRule { Path = MayarRoutes.RegisterCreditCustomer, Kind = "drop-after" });
            }

            outcomes.AddRange(window.Add(request, () => client.RegisterCreditCustomerAsync(request)));
        }

        outcomes.AddRange(window.Complete());

        Assert.Equal(requests, outcomes.Select(o => o.Item));
        var failed = outcomes.Where(o => !o.Succeeded).ToList();
        Assert.Equal(2, failed.Count);
        Assert.Contains(failed, f => f.Item == requests[12] && f.Error is MayarArgumentException);
        var dropped = Assert.Single(failed, f => f.Error is MayarApiException);
        Assert.True(((MayarApiException)dropped.Error!).MayHaveBeenProcessed);
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.Equal(o.Item.Email, o.Result.Email));

        // 28 succeeded, the dropped one was stored once, the invalid one never sent: 29 stored, none twice.
        var processedEmails = Log.Where(e => e.Path == MayarRoutes.RegisterCreditCustomer && e.Processed).Select(e => e.Body).ToList();
        Assert.Equal(29, processedEmails.Count);
        Assert.Equal(processedEmails.Count, processedEmails.Distinct().Count());
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Mayar.Credit.Emulator;
using Mayar.Credit.Emulator.Domain;

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// One row per client operation: the one table that the fault matrix, the secrets suite and the round trips
/// iterate. Adding an operation is adding a row; <c>OperationTableTests</c> fails for an operation without one.
/// </summary>
/// <param name="Name">The row's name, shown in test names.</param>
/// <param name="Create">A fresh operation with valid input that the emulator's start-up state accepts.</param>
/// <param name="Stored">How many times the emulator holds the effect of this operation (0 for a read).</param>
public sealed record ApiOperation(string Name, Func<MayarOperation> Create, Func<EmulatorState, int> Stored)
{
    public static readonly IReadOnlyList<ApiOperation> All = new[]
    {
        new ApiOperation(
            "Register",
            () => new RegisterCreditCustomerOperation(EmulatorTest.Registration(EmulatorOptions.DefaultProductId)),
            state => state.Store.Accounts.All().Count),
        new ApiOperation(
            "RegisterMember",
            () => new RegisterMembershipCustomerOperation(EmulatorTest.MembershipRegistration(EmulatorOptions.MembershipTierId)),
            state => state.Store.Accounts.Members().Count),
        new ApiOperation(
            "CreateCustomer",
            () => new NewCustomerOperation(EmulatorTest.Customer()),
            state => state.Store.V1CustomerRecords.Count),
        new ApiOperation(
            "Balance",
            () => new GetCreditBalanceOperation(EmulatorTest.Sample),
            _ => 0),
        new ApiOperation(
            "AddCredit",
            () => new AddCreditOperation(new CreditMovementRequest { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId, Amount = 10 }),
            state => state.Store.Ledger.Entries().Count(e => e.Type == LedgerEntryType.AddCredit)),
        new ApiOperation(
            "SpendCredit",
            () => new SpendCreditOperation(new CreditMovementRequest { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId, Amount = 10 }),
            state => state.Store.Ledger.Entries().Count(e => e.Type == LedgerEntryType.Spend)),
        new ApiOperation(
            "History",
            () => new GetCreditHistoryPageOperation(new GetCreditHistoryRequest { CustomerId = EmulatorOptions.SampleCustomerId, ProductId = EmulatorOptions.SampleProductId }),
            _ => 0),
        new ApiOperation(
            "Checkout",
            () => new NewCreditCheckoutOperation(EmulatorTest.Checkout(EmulatorOptions.DefaultProductId)),
            state => state.Store.Checkouts.Issued().Count),
        new ApiOperation(
            "CustomerByEmail",
            () => new GetCustomerByEmailOperation(new GetCustomerRequest { Email = EmulatorTest.SampleEmail }),
            _ => 0),
        new ApiOperation(
            "Customers",
            () => new GetCustomersPageOperation(),
            _ => 0),
        new ApiOperation(
            "SetCustomerEmail",
            () => new SetCustomerEmailOperation(new SetCustomerEmailRequest { Email = EmulatorTest.SampleEmail, NewEmail = "john.changed@example.com" }),
            state => state.Store.V2Customers.FindByEmail("john.changed@example.com") is null ? 0 : 1),
        new ApiOperation(
            "MembershipTiers",
            () => new GetMembershipTiersPageOperation(new GetMembershipTierRequest { ProductId = EmulatorOptions.MembershipProductId }),
            _ => 0),
        new ApiOperation(
            "Members",
            () => new GetMembersPageOperation(new GetMemberRequest { ProductId = EmulatorOptions.MembershipProductId }),
            _ => 0),
        new ApiOperation(
            "Member",
            () => new GetMemberOperation(new GetMemberRequest { ProductId = EmulatorOptions.MembershipProductId, MemberId = EmulatorOptions.SampleMemberId }),
            _ => 0),
    };

    /// <summary>The names, for [MemberData].</summary>
    public static IEnumerable<string> Names => All.Select(o => o.Name);

    /// <summary>The operation type this row creates.</summary>
    public Type OperationType => Create().GetType();

    /// <summary>The row of that name.</summary>
    public static ApiOperation Named(string name) => All.Single(o => o.Name == name);

    public override string ToString() => Name;
}

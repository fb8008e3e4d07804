namespace Mayar.Credit.Emulator.Domain;

/// <summary>
/// A customer as the V2 headless API shows it (docs/api/mayar-api.md K1, K2, K4): the credit registrations' customer (a UUID
/// id, so it reads the credit endpoints), created at a millisecond no other customer shares; updated when its email
/// changes.
/// </summary>
public sealed record V2Customer(string CustomerId, string Email, string Name, string Mobile, long CreatedAtMs, long UpdatedAtMs);

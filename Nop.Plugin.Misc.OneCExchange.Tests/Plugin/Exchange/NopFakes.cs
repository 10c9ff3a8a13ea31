using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Infrastructure;
using Nop.Services.Customers;

namespace OneCExchange.Tests.Plugin.Exchange;

/// <summary>The background-task customer, handed out without ever creating a guest.</summary>
public sealed class FakeCustomerService : ICustomerService
{
    public Customer BackgroundTaskUser { get; } = new() { Id = 42 };

    public int BackgroundTaskUserReads { get; private set; }

    public Task<Customer> GetOrCreateBackgroundTaskUserAsync()
    {
        BackgroundTaskUserReads++;
        return Task.FromResult(BackgroundTaskUser);
    }

    public Task<Customer> GetCustomerByIdAsync(int customerId) =>
        throw new NotSupportedException("The exchange endpoint does not look customers up.");

    public Task<bool> IsRegisteredAsync(Customer customer, bool onlyActiveCustomerRoles = true) =>
        throw new NotSupportedException("The exchange endpoint does not look customers up.");
}

/// <summary>Records the customer each request was run as.</summary>
public sealed class RecordingWorkContext : IWorkContext
{
    public static List<Customer?> CustomersSet { get; } = [];

    public Task<Customer> GetCurrentCustomerAsync() =>
        throw new NotSupportedException("The exchange endpoint never asks for the current customer.");

    public Task SetCurrentCustomerAsync(Customer? customer = null)
    {
        lock (CustomersSet)
            CustomersSet.Add(customer);
        return Task.CompletedTask;
    }
}

/// <summary>Maps "~/" to a test folder.</summary>
public sealed class FolderFileProvider(string root) : INopFileProvider
{
    public string MapPath(string path) => Path.Combine(root, path.TrimStart('~', '/').Replace('/', Path.DirectorySeparatorChar));

    public IFileInfo GetFileInfo(string subpath) => throw new NotSupportedException();
    public IDirectoryContents GetDirectoryContents(string subpath) => throw new NotSupportedException();
    public IChangeToken Watch(string filter) => throw new NotSupportedException();
}

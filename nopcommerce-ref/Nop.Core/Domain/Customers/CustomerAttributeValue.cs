using Nop.Core.Domain.Attributes;

namespace Nop.Core.Domain.Customers;

public partial class CustomerAttributeValue : BaseAttributeValue;

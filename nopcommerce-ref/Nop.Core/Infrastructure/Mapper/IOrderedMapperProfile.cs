namespace Nop.Core.Infrastructure.Mapper;

public partial interface IOrderedMapperProfile
{
    int Order { get; }
}

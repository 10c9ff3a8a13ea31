using AutoMapper;

namespace Nop.Core.Infrastructure.Mapper;

public static class AutoMapperConfiguration
{
    public static IMapper Mapper { get; private set; }
}

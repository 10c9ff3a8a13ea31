using AutoMapper;
using Nop.Core.Infrastructure.Mapper;
using Nop.Plugin.Misc.OneCExchange.Models;

namespace Nop.Plugin.Misc.OneCExchange.Infrastructure.Mapper;

/// <summary>Maps the settings to the configure page and back; the password is never mapped either way.</summary>
public class MapperConfiguration : Profile, IOrderedMapperProfile
{
    public MapperConfiguration()
    {
        CreateMap<OneCExchangeSettings, ConfigurationModel>()
            .ForMember(model => model.ExchangeUrl, options => options.Ignore())
            .ForMember(model => model.BitrixExchangeUrl, options => options.Ignore())
            .ForMember(model => model.NewPassword, options => options.Ignore())
            .ForMember(model => model.HasPassword, options => options.MapFrom(settings => !string.IsNullOrEmpty(settings.PasswordHash)))
            .ForMember(model => model.AvailableEncodings, options => options.Ignore())
            .ForMember(model => model.AvailableMissingItemsActions, options => options.Ignore())
            .ForMember(model => model.AvailableOrderSchemaVersions, options => options.Ignore())
            .ForMember(model => model.AvailableOrderStatuses, options => options.Ignore())
            .ForMember(model => model.PriceTypePicks, options => options.Ignore())
            .ForMember(model => model.WarehousePicks, options => options.Ignore())
            .ForMember(model => model.OrderStatusPicks, options => options.Ignore())
            .ForMember(model => model.AvailablePriceTargets, options => options.Ignore())
            .ForMember(model => model.AvailableWarehouseTargets, options => options.Ignore())
            .ForMember(model => model.AvailableOrderStatusTargets, options => options.Ignore())
            .ForMember(model => model.CustomProperties, options => options.Ignore());

        CreateMap<ConfigurationModel, OneCExchangeSettings>()
            .ForMember(settings => settings.PasswordHash, options => options.Ignore());
    }

    public int Order => 1;
}

using Nop.Core.Domain.Directory;

namespace Nop.Services.Directory;

public partial interface IStateProvinceService
{
    Task<StateProvince> GetStateProvinceByIdAsync(int stateProvinceId);
}

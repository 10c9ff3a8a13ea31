using Nop.Core;

namespace Nop.Web.Framework.Models.Extensions;

public static class ModelExtensions
{
    public static async Task<TListModel> PrepareToGridAsync<TListModel, TModel, TObject>(this TListModel listModel,
        BaseSearchModel searchModel, IPagedList<TObject> objectList, Func<IAsyncEnumerable<TModel>> dataFillFunction)
        where TListModel : BasePagedListModel<TModel>
        where TModel : BaseNopModel
    {
        ArgumentNullException.ThrowIfNull(listModel);

        var data = new List<TModel>();
        if (dataFillFunction is not null)
            await foreach (var item in dataFillFunction())
                data.Add(item);

        listModel.Data = data;
        listModel.Draw = searchModel?.Draw;
        listModel.RecordsTotal = objectList?.TotalCount ?? 0;
        listModel.RecordsFiltered = objectList?.TotalCount ?? 0;

        return listModel;
    }
}

namespace RealEstateCrm.Warehouse.Olap;

/// <summary>A query names something the model does not have (cube, measure, dimension, level, operator) or
/// combines options that have no meaning; the message names it and lists what is valid.</summary>
public sealed class OlapModelException(string message) : ArgumentException(message);

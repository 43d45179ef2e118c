namespace ConflictForum.Platform.LookAlikes;

/// <summary>
/// The class lists of an outlined MudTextField, for a look-alike (<see cref="LookAlikeClasses.OutlinedField"/>): its
/// control, the frame around its input (and the same with <c>mud-shrink</c>, when a value or a placeholder moves the label
/// onto the border), the input or textarea itself, and its label.
/// </summary>
public sealed record FieldClasses(string Control, string Frame, string ShrunkFrame, string Input, string Label);

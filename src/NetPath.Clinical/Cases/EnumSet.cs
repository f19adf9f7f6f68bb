using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetPath.Clinical.Cases;

/// <summary>
/// An immutable set of members of a small enum (at most 64 members, values 0..63), held in one
/// machine word: membership tests on the engine's hot path allocate nothing.
/// </summary>
public readonly struct EnumSet<TEnum> : IEquatable<EnumSet<TEnum>>, IEnumerable<TEnum>
    where TEnum : struct, Enum
{
    private readonly ulong bits;

    private EnumSet(ulong bits) => this.bits = bits;

    public static EnumSet<TEnum> Empty => default;

    public static EnumSet<TEnum> Of(params ReadOnlySpan<TEnum> members)
    {
        ulong b = 0;
        foreach (var m in members) b |= Bit(m);
        return new EnumSet<TEnum>(b);
    }

    public EnumSet<TEnum> With(TEnum member) => new(bits | Bit(member));

    public bool Contains(TEnum member) => (bits & Bit(member)) != 0;

    public bool Overlaps(EnumSet<TEnum> other) => (bits & other.bits) != 0;

    public EnumSet<TEnum> Intersect(EnumSet<TEnum> other) => new(bits & other.bits);

    public bool IsEmpty => bits == 0;

    public int Count => BitOperations.PopCount(bits);

    public IEnumerator<TEnum> GetEnumerator()
    {
        var rest = bits;
        while (rest != 0)
        {
            var ordinal = BitOperations.TrailingZeroCount(rest);
            rest &= rest - 1;
            yield return Unsafe.As<int, TEnum>(ref ordinal);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(EnumSet<TEnum> other) => bits == other.bits;

    public override bool Equals(object? obj) => obj is EnumSet<TEnum> other && Equals(other);

    public override int GetHashCode() => bits.GetHashCode();

    public static bool operator ==(EnumSet<TEnum> left, EnumSet<TEnum> right) => left.Equals(right);

    public static bool operator !=(EnumSet<TEnum> left, EnumSet<TEnum> right) => !left.Equals(right);

    public override string ToString() => string.Join(", ", this.Select(WireCodeOf));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bit(TEnum member)
    {
        // Enums here are int-backed; Unsafe.As avoids boxing on the hot path.
        var ordinal = Unsafe.As<TEnum, int>(ref member);
        return 1UL << ordinal;
    }

    private static string WireCodeOf(TEnum member) => member.ToString();
}

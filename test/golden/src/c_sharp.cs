namespace App.Services
{
    /// <summary>A service.</summary>
    public class UserService : IService
    {
        public UserService(IRepo repo) { }

        public async Task<User> FindAsync(int id)
        {
            int Twice(int x) => x * 2;
            return null;
        }

        public int Count { get; set; }
    }

    public interface IService
    {
        Task<User> FindAsync(int id);
    }

    public struct Point { public void Move() { } }

    public enum Role { Admin }

    public record Pair(int A, int B);

    public delegate void Handler(object sender);

    public class Money
    {
        public const int Scale = 100;
        private long cents;
        public string Currency { get; set; }
        public static bool operator ==(Money a, Money b) => a.cents == b.cents;
        public static bool operator !=(Money a, Money b) => !(a == b);
        public static implicit operator long(Money m) => m.cents;
        ~Money() {}
    }

    public enum Level { Low, High = 2 }
}

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
}

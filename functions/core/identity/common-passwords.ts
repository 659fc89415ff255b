/**
 * Passwords of 12 characters or more that appear in public breach corpora, plus the patterns
 * behind most of them (one repeated character, keyboard and digit runs). Shorter ones are
 * already refused by the length rule.
 */
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '1234567891011', '111111111111', '000000000000',
  '123123123123', '123412341234', '121212121212', '112233445566', '098765432109', '987654321098', '147258369147',
  'qwertyuiopas', 'qwertyuiop123', 'qwerty123456', 'qwertyqwerty', 'qwertyuiopasdfgh', '1q2w3e4r5t6y', '1qaz2wsx3edc',
  'azertyuiopqs', 'azerty123456', 'azertyazerty', 'asdfghjkl123', 'zxcvbnm12345', 'qazwsxedcrfv', 'asdfasdfasdf',
  'passwordpassword', 'password1234', 'password12345', 'password123456', 'password1234567', 'password123!', 'passw0rd1234',
  'motdepasse123', 'motdepasse1234', 'motdepassemotdepasse', 'iloveyou1234', 'iloveyouiloveyou', 'jetaime123456',
  'welcome12345', 'welcome123456', 'letmein12345', 'letmeinletmein', 'changeme1234', 'administrator', 'admin1234567',
  'football1234', 'baseball1234', 'superman1234', 'princess1234', 'sunshine1234', 'starwars1234', 'trustno1trustno1',
  'abcdefghijkl', 'abcdefgh1234', 'abc123abc123', 'abcd1234abcd', 'aaaaaaaaaaaa', 'azertyuiop123', 'bonjour123456',
  'soleil123456', 'marseille1234', 'doudou123456', 'chouchou1234', 'nicolas12345', 'loveyouforever', 'secret123456',
  'thisismypassword', 'mypassword123', 'yourpassword', 'correcthorsebatterystaple', 'p@ssw0rd1234', 'p@ssword1234',
]);

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  if (new Set(p).size <= 2) return true; // aaaaaaaaaaaa, abababababab
  const runs = ['01234567890', '09876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'azertyuiop', 'asdfghjkl'];
  return runs.some((run) => run.includes(p) || (p.length <= run.length * 2 && (run + run).includes(p)));
}

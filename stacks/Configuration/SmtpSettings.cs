namespace Superset.Configuration;

/// <summary>
/// The SMTP server of email reports (Superset's SMTP_* keys). The password is never here: it is
/// the secret config key <c>superset:smtpPassword</c>, which the program puts in the credentials
/// Secret and the pods read as <c>SMTP_PASSWORD</c>.
/// </summary>
/// <param name="Host">SMTP_HOST.</param>
/// <param name="Port">SMTP_PORT (587 submission with STARTTLS; 465 implicit TLS).</param>
/// <param name="StartTls">SMTP_STARTTLS.</param>
/// <param name="Ssl">SMTP_SSL (implicit TLS); exclusive with STARTTLS.</param>
/// <param name="User">SMTP_USER; null sends without authentication.</param>
/// <param name="MailFrom">SMTP_MAIL_FROM.</param>
public sealed record SmtpSettings(string Host, int Port, bool StartTls, bool Ssl, string? User, string MailFrom);

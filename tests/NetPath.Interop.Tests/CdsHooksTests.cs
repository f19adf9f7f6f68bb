using System.Security.Cryptography;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NetPath.Clinical.Engine;
using NetPath.Interop.CdsHooks;

namespace NetPath.Interop.Tests;

/// <summary>Cards from an assessment (CDS Hooks 2.0, decision 0705).</summary>
public class CardBuilderTests
{
    private static readonly CardBuilder Builder = new("2026.11.1", new Uri("https://netpath.hospital.example/"));

    private static (Clinical.Cases.Case Case, Clinical.Assessments.Assessment Assessment) Assess(string id)
    {
        var read = NetPathEngine.Current.Read(TestCases.CaseJson(id));
        return (read.Case!, NetPathEngine.Current.Assess(read.Case!, TestCases.ScenarioDate));
    }

    [Fact]
    public void Patient_view_summarises_grade_stage_and_plan_in_under_140_characters()
    {
        var (c, a) = Assess("ileum-04-syndrome-liver-naive");
        var card = Builder.PatientView(c, a, "p-1").Cards.ShouldHaveSingleItem();
        card.Summary.Length.ShouldBeLessThan(CardBuilder.MaxSummaryLength);
        card.Summary.ShouldContain("ileum");
        card.Summary.ShouldContain("G1"); // the scenario's expected grade (Ki-67 2 %)
        card.Summary.ShouldContain("stage IV"); // T3 N2 M1a
        card.Detail!.ShouldContain("**Plan**");
        card.Summary.ShouldNotContain("systemic."); // words, not codes
        card.Links!.ShouldHaveSingleItem().Url.ShouldBe("https://netpath.hospital.example/patients/p-1");
        card.Source.Label.ShouldContain("2026.11.1");
    }

    [Fact]
    public void Order_sign_for_prrt_with_egfr_under_30_is_a_critical_card()
    {
        var (_, a) = Assess("ileum-15-prrt-egfr-29-contraindicated");
        var order = new MedicationRequest { Id = "draft-1", Medication = new CodeableConcept(FhirSystems.Atc, "V10XX04", "lutetium (177Lu) oxodotreotide", null) };
        var card = Builder.OrderSign(a, [order]).Cards.ShouldHaveSingleItem();
        card.Indicator.ShouldBe(Indicators.Critical);
        card.Summary.Length.ShouldBeLessThan(CardBuilder.MaxSummaryLength);
        card.Suggestions!.ShouldHaveSingleItem().Actions.ShouldHaveSingleItem().Type.ShouldBe("delete");
    }

    [Fact]
    public void Order_sign_for_everolimus_in_pregnancy_is_a_critical_card()
    {
        var (_, a) = Assess("ileum-16-pregnant-progression");
        var order = new MedicationRequest { Id = "draft-2", Medication = new CodeableConcept(FhirSystems.Atc, "L01EG02", "everolimus", null) };
        Builder.OrderSign(a, [order]).Cards.ShouldHaveSingleItem().Indicator.ShouldBe(Indicators.Critical);
    }

    [Fact]
    public void An_order_the_case_does_not_rule_out_gives_no_cards()
    {
        var (_, a) = Assess("ileum-15-prrt-egfr-29-contraindicated");
        var order = new MedicationRequest { Id = "draft-3", Medication = new CodeableConcept(FhirSystems.Atc, "L01EG02", "everolimus", null) };
        var response = Builder.OrderSign(a, [order]);
        JsonSerializer.Serialize(response, CdsJsonContext.Default.CdsResponse).ShouldBe("""{"cards":[]}""");
    }
}

/// <summary>The CDS client's JWT: asymmetric only, trusted issuer, audience, expiry, replay.</summary>
public sealed class CdsJwtValidatorTests : IDisposable
{
    private static readonly Uri Service = new("https://netpath.hospital.example/cds-services/netpath-patient-view");
    private const string Issuer = "https://ehr.hospital.example";
    private readonly ECDsa ecKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly RSA rsaKey = RSA.Create(3072);
    private readonly MutableClock clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CdsJwtValidator validator;

    public CdsJwtValidatorTests()
    {
        var keys = new JsonWebKeySet();
        var ec = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ecKey.ExportParameters(false))) { KeyId = "ec-1" });
        var rsa = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsaKey.ExportParameters(false)) { KeyId = "rsa-1" });
        keys.Keys.Add(ec);
        keys.Keys.Add(rsa);
        validator = new CdsJwtValidator([new TrustedIssuer(Issuer, keys)], new InMemoryJtiReplayCache(clock), clock);
    }

    public void Dispose()
    {
        ecKey.Dispose();
        rsaKey.Dispose();
    }

    private string Token(SigningCredentials credentials, string? audience = null, string issuer = Issuer, string? jti = "jti-1", TimeSpan? lifetime = null, bool withExpiry = true)
    {
        var claims = new Dictionary<string, object> { ["iss"] = issuer, ["aud"] = audience ?? Service.AbsoluteUri, ["sub"] = "ehr-client" };
        if (jti is not null) claims["jti"] = jti;
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor { Claims = claims, SigningCredentials = credentials, IssuedAt = now, NotBefore = now };
        if (withExpiry) descriptor.Expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private SigningCredentials Es384 => new(new ECDsaSecurityKey(ecKey) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha384);
    private SigningCredentials Rs384 => new(new RsaSecurityKey(rsaKey) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha384);

    [Fact]
    public async System.Threading.Tasks.Task An_es384_token_of_a_trusted_issuer_for_this_service_is_accepted()
    {
        var result = await validator.ValidateAsync("Bearer " + Token(Es384), Service);
        result.IsValid.ShouldBeTrue(result.Reason);
        result.Issuer.ShouldBe(Issuer);
    }

    [Fact]
    public async System.Threading.Tasks.Task An_rs384_token_is_accepted()
    {
        (await validator.ValidateAsync("Bearer " + Token(Rs384), Service)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async System.Threading.Tasks.Task Rs256_is_refused()
    {
        var result = await validator.ValidateAsync("Bearer " + Token(new SigningCredentials(new RsaSecurityKey(rsaKey) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256)), Service);
        result.IsValid.ShouldBeFalse();
        result.Reason!.ShouldContain("RS256");
    }

    [Fact]
    public async System.Threading.Tasks.Task Hmac_is_refused_even_with_a_key_the_validator_never_sees()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48));
        var result = await validator.ValidateAsync("Bearer " + Token(new SigningCredentials(secret, SecurityAlgorithms.HmacSha384)), Service);
        result.IsValid.ShouldBeFalse();
        result.Reason!.ShouldContain("HS384");
    }

    [Fact]
    public async System.Threading.Tasks.Task An_unsigned_token_is_refused()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(new Dictionary<string, object> { ["iss"] = Issuer, ["aud"] = Service.AbsoluteUri, ["jti"] = "x", ["exp"] = clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds() }));
        var result = await validator.ValidateAsync("Bearer " + unsigned, Service);
        result.IsValid.ShouldBeFalse();
        result.Reason!.ShouldContain("none");
    }

    [Fact]
    public async System.Threading.Tasks.Task Another_audience_is_refused()
    {
        var result = await validator.ValidateAsync("Bearer " + Token(Es384, audience: "https://netpath.hospital.example/cds-services/other"), Service);
        result.IsValid.ShouldBeFalse();
        result.Reason!.ShouldContain("audience");
    }

    [Fact]
    public async System.Threading.Tasks.Task An_untrusted_issuer_is_refused()
    {
        var result = await validator.ValidateAsync("Bearer " + Token(Es384, issuer: "https://attacker.example"), Service);
        result.IsValid.ShouldBeFalse();
        result.Reason!.ShouldContain("not a trusted");
    }

    [Fact]
    public async System.Threading.Tasks.Task An_expired_token_is_refused()
    {
        var token = Token(Es384, lifetime: TimeSpan.FromMinutes(5));
        clock.Advance(TimeSpan.FromMinutes(10));
        var result = await validator.ValidateAsync("Bearer " + token, Service);
        result.IsValid.ShouldBeFalse();
        result.Reason!.ShouldContain("expired");
    }

    [Fact]
    public async System.Threading.Tasks.Task A_token_without_expiry_is_refused()
    {
        var result = await validator.ValidateAsync("Bearer " + Token(Es384, withExpiry: false), Service);
        result.IsValid.ShouldBeFalse();
    }

    [Fact]
    public async System.Threading.Tasks.Task A_replayed_token_is_refused()
    {
        var token = Token(Es384, jti: "once");
        (await validator.ValidateAsync("Bearer " + token, Service)).IsValid.ShouldBeTrue();
        var again = await validator.ValidateAsync("Bearer " + token, Service);
        again.IsValid.ShouldBeFalse();
        again.Reason!.ShouldContain("replay");
    }

    [Fact]
    public async System.Threading.Tasks.Task A_signature_by_another_key_is_refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var result = await validator.ValidateAsync("Bearer " + Token(new SigningCredentials(new ECDsaSecurityKey(other) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha384)), Service);
        result.IsValid.ShouldBeFalse();
        result.Reason!.ShouldContain("signature");
    }

    [Fact]
    public async System.Threading.Tasks.Task No_bearer_token_is_refused_with_a_reason()
    {
        (await validator.ValidateAsync(null, Service)).Reason!.ShouldContain("No bearer token");
    }

    private sealed class MutableClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset current = now;
        public override DateTimeOffset GetUtcNow() => current;
        public void Advance(TimeSpan by) => current += by;
    }
}

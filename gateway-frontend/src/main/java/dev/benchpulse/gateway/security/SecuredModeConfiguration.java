package dev.benchpulse.gateway.security;

import dev.benchpulse.gateway.limits.KeyedRateLimiter;
import dev.benchpulse.gateway.limits.RateLimitProperties;
import dev.benchpulse.gateway.limits.TooManyRequests;
import dev.benchpulse.gateway.subscriber.SubscriberCookies;
import dev.benchpulse.gateway.subscriber.SubscriberPolicy;
import dev.benchpulse.gateway.visitor.Visitors;
import dev.benchpulse.support.problem.ProblemResponses;
import java.net.URI;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The secured mode: everyone signs in (form login for browsers, HTTP Basic for scripts); viewers watch, operators
 * also start, cancel and calibrate runs and change baselines and thresholds, admins also read Actuator ({@link
 * RouteRoles} is the whole table). State-changing browser requests need the CSRF token, which the page reads from
 * the {@code XSRF-TOKEN} cookie and sends back in the {@code X-XSRF-TOKEN} header. Failed sign-ins are rate limited
 * per client address.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "benchpulse.security.mode", havingValue = "secured")
@EnableConfigurationProperties(SecurityProperties.class)
class SecuredModeConfiguration {

    @Bean
    SecurityWebFilterChain securedSecurity(
            ServerHttpSecurity http,
            ProblemResponses problems,
            SubscriberCookies subscriberCookies,
            SignInLimit signInLimit) {
        SecurityProblems answers = new SecurityProblems(problems, signInLimit);
        RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
        loggedOut.setLogoutSuccessUrl(URI.create("/login?logout"));
        return http.authorizeExchange(RouteRoles::apply)
                .formLogin(form -> form.loginPage("/login").authenticationFailureHandler(answers.signInFailed()))
                .httpBasic(basic -> basic.authenticationEntryPoint(answers.entryPoint()))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(answers.entryPoint()).accessDeniedHandler(answers.forbidden()))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityProblems.browserWrites())
                        .accessDeniedHandler(answers.csrfRejected()))
                .addFilterAfter(SecurityProblems.csrfCookieWriter(), SecurityWebFiltersOrder.CSRF)
                .addFilterAt(signInLimit.filter(), SecurityWebFiltersOrder.FIRST)
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutHandler(handlers -> handlers.add((exchange, authentication) ->
                                Mono.fromRunnable(() -> subscriberCookies.expire(exchange.getExchange()))))
                        .logoutSuccessHandler(loggedOut))
                .build();
    }

    @Bean
    SignInLimit signInLimit(RateLimitProperties limits, TooManyRequests tooMany) {
        return new SignInLimit(new KeyedRateLimiter(limits.signIn(), limits.maxTracked()), tooMany);
    }

    @Bean
    RouterFunction<ServerResponse> loginPage() {
        return RouterFunctions.route().GET("/login", LoginPage::render).build();
    }

    @Bean
    MapReactiveUserDetailsService configuredUsers(SecurityProperties properties) {
        return ConfiguredUsers.from(properties.users());
    }

    /**
     * Checks passwords against the configured users without re-encoding them in memory: Spring Security would
     * otherwise upgrade a {noop} password to bcrypt on first use and make every later Basic request pay for it.
     */
    @Bean
    ReactiveAuthenticationManager authenticationManager(
            MapReactiveUserDetailsService users, PasswordEncoder passwordEncoder) {
        UserDetailsRepositoryReactiveAuthenticationManager manager =
                new UserDetailsRepositoryReactiveAuthenticationManager(users);
        manager.setPasswordEncoder(passwordEncoder);
        return manager;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SubscriberPolicy signedInUsersSubscribe() {
        return exchange -> exchange.getPrincipal().filter(Visitors::isSignedIn).map(Principal::getName);
    }
}

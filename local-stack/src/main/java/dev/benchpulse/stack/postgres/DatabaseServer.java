package dev.benchpulse.stack.postgres;

import dev.benchpulse.stack.launch.Component;

/** The stack's PostgreSQL, embedded or existing: a component, and the database the results service uses. */
public interface DatabaseServer extends Component {

    Database database();
}
